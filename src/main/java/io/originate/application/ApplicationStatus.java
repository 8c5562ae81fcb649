package io.originate.application;

import java.util.EnumSet;
import java.util.Set;

public enum ApplicationStatus {
    SUBMITTED,
    VERIFYING_IDENTITY,
    UNDER_REVIEW,
    REFERRED,
    APPROVED,
    OFFER_ACCEPTED,
    SIGNING,
    SIGNED,
    COOLING_OFF,
    DISBURSING,
    DISBURSED,
    WITHDRAWN,
    EXPIRED,
    DECLINED,
    CANCELLED;

    private static final Set<ApplicationStatus> BEFORE_DECISION =
            EnumSet.of(SUBMITTED, VERIFYING_IDENTITY, UNDER_REVIEW);
    private static final Set<ApplicationStatus> FINAL = EnumSet.of(DISBURSED, WITHDRAWN, EXPIRED, DECLINED, CANCELLED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** The rules have not decided yet (a decision may still be recorded from an earlier step). */
    public boolean beforeDecision() {
        return BEFORE_DECISION.contains(this);
    }

    /** The applicant may withdraw until disbursement starts. */
    public boolean isWithdrawable() {
        return !isFinal() && this != DISBURSING;
    }

    /** An offer exists from approval on. */
    public boolean hasOffer() {
        return compareTo(APPROVED) >= 0 && compareTo(DISBURSED) <= 0;
    }
}
