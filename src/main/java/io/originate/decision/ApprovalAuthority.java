package io.originate.decision;

import io.originate.process.Outcomes;

/** The approval levels the approval table may name: nobody, or a staff group. */
public final class ApprovalAuthority {

    public static final String AUTOMATIC = Outcomes.AUTOMATIC_APPROVAL;
    public static final String UNDERWRITERS = "underwriters";
    public static final String SENIOR_UNDERWRITERS = "senior-underwriters";
    public static final String CREDIT_COMMITTEE = "credit-committee";

    private ApprovalAuthority() {}
}
