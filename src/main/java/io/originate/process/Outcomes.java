package io.originate.process;

import java.util.Map;

/**
 * The values of the process variables that steer gateways, one enum per variable: the delegates
 * and forms set them by these names, the models' conditions compare with these names, and a
 * deployment whose condition names a value that is not here is refused ({@link ModelRules}).
 */
public final class Outcomes {

    private Outcomes() {}

    /** {@code sanctionsOutcome}: the screening of name and national ID against the list. */
    public enum Sanctions {
        CLEAR,
        POSSIBLE_MATCH,
        HIT
    }

    /** {@code kycOutcome}: the real-name (three-element) check. */
    public enum RealName {
        MATCH,
        MISMATCH
    }

    /** {@code eligibilityOutcome}: the eligibility table's answer. */
    public enum Eligibility {
        APPROVE,
        REFER,
        DECLINE
    }

    /** {@code pricingOutcome}: whether a price within the cap was found. */
    public enum Pricing {
        OFFER,
        DECLINE
    }

    /** {@code reviewDecision}: the approver's answer (form ReviewApplication). */
    public enum Review {
        APPROVE,
        /** Approved on another amount or term, which the applicant is offered instead. */
        COUNTER_OFFER,
        DECLINE
    }

    /** {@code identityReview} and {@code fraudReview}: a verification review's finding. */
    public enum Finding {
        CLEARED,
        CONFIRMED
    }

    /** {@code payoutResolution}: what operations do with a rejected payout. */
    public enum PayoutResolution {
        RETRY,
        /** Ask the applicant to correct the payout card; the payout is retried when they have. */
        ASK_APPLICANT,
        CANCEL
    }

    /** {@code payoutCancelReason}: why operations cancel a loan whose payout cannot be made. */
    public enum PayoutCancelReason {
        CARD_NOT_CORRECTED,
        APPLICANT_UNREACHABLE,
        APPLICANT_ASKED,
        RAIL_REFUSES
    }

    /** {@code complianceAction}: what compliance did with a sanctions hit. */
    public enum ComplianceAction {
        REPORTED,
        LIST_ERROR
    }

    /** {@code complaintTriage}: whether a complaint needs an investigation before it is answered. */
    public enum ComplaintTriage {
        INVESTIGATE,
        ANSWER
    }

    /** {@code complaintOutcome}: what the answer to a complaint says of it. */
    public enum ComplaintOutcome {
        UPHELD,
        PARTLY_UPHELD,
        NOT_UPHELD
    }

    /** {@code approvalGroup}'s one fixed value: no person needs to approve. Other values are staff groups. */
    public static final String AUTOMATIC_APPROVAL = "AUTOMATIC";

    /** Each gateway variable and the enum of its values. */
    public static final Map<String, Class<? extends Enum<?>>> BY_VARIABLE = Map.ofEntries(
            Map.entry(ProcessVariables.SANCTIONS_OUTCOME, Sanctions.class),
            Map.entry(ProcessVariables.KYC_OUTCOME, RealName.class),
            Map.entry(ProcessVariables.ELIGIBILITY_OUTCOME, Eligibility.class),
            Map.entry(ProcessVariables.PRICING_OUTCOME, Pricing.class),
            Map.entry(ProcessVariables.REVIEW_DECISION, Review.class),
            Map.entry(ProcessVariables.IDENTITY_REVIEW, Finding.class),
            Map.entry(ProcessVariables.FRAUD_REVIEW, Finding.class),
            Map.entry(ProcessVariables.PAYOUT_RESOLUTION, PayoutResolution.class),
            Map.entry(ProcessVariables.PAYOUT_CANCEL_REASON, PayoutCancelReason.class),
            Map.entry(ProcessVariables.COMPLIANCE_ACTION, ComplianceAction.class),
            Map.entry(ProcessVariables.COMPLAINT_TRIAGE, ComplaintTriage.class),
            Map.entry(ProcessVariables.COMPLAINT_OUTCOME, ComplaintOutcome.class));
}
