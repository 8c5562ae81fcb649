package io.originate.process;

/** Names shared by the BPMN models and their glue. Process variables hold ids and gateway flags only. */
public final class ProcessVariables {

    private ProcessVariables() {}

    public static final String LOAN_ORIGINATION = "LoanOrigination";
    public static final String COMPLIANCE_REVIEW = "ComplianceReview";
    public static final String COMPLAINT_HANDLING = "ComplaintHandling";

    public static final String APPLICATION_ID = "applicationId";
    public static final String SANCTIONS_OUTCOME = "sanctionsOutcome";
    public static final String IDENTITY_REVIEW = "identityReview";
    public static final String KYC_OUTCOME = "kycOutcome";
    public static final String FRAUD_SIGNALS = "fraudSignals";
    public static final String FRAUD_REVIEW = "fraudReview";
    public static final String ELIGIBILITY_OUTCOME = "eligibilityOutcome";
    public static final String APPROVAL_GROUP = "approvalGroup";
    public static final String DECISION_RECORD_ID = "decisionRecordId";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String PRICING_OUTCOME = "pricingOutcome";
    public static final String OFFER_EXPIRES_AT = "offerExpiresAt";
    public static final String REVIEW_DUE = "reviewDue";
    /** The group an overdue review was taken from (absent until a review escalates). */
    public static final String ESCALATED_FROM = "escalatedFrom";

    public static final String PAYOUT_RESOLUTION = "payoutResolution";
    public static final String COMPLIANCE_ACTION = "complianceAction";
    public static final String COMPLAINT_ID = "complaintId";
    public static final String COMPLAINT_TRIAGE = "complaintTriage";
    public static final String COMPLAINT_OUTCOME = "complaintOutcome";
    /** Whether the applicant has reopened the complaint (once at most). */
    public static final String REOPENED = "reopened";

    public static final String MESSAGE_PHONE_VERIFIED = "Message_PhoneVerified";
    public static final String MESSAGE_OFFER_ACCEPTED = "Message_OfferAccepted";
    public static final String MESSAGE_OFFER_DECLINED = "Message_OfferDeclined";
    public static final String MESSAGE_ENVELOPE_COMPLETED = "Message_EnvelopeCompleted";
    public static final String MESSAGE_ENVELOPE_DECLINED = "Message_EnvelopeDeclined";
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "Message_WithdrawalRequested";
    public static final String MESSAGE_COMPLAINT_REOPENED = "Message_ComplaintReopened";
    public static final String MESSAGE_PAYOUT_ACCOUNT_CORRECTED = "Message_PayoutAccountCorrected";
    public static final String PAYOUT_CANCEL_REASON = "payoutCancelReason";
}
