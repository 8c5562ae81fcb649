package io.originate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per path through the journey models. Delegates are replaced by mocks that set the
 * gateway flags a path needs; the statuses the applicant would see are recorded from the models'
 * status listeners.
 */
@Deployment(
        resources = {
            "processes/LoanOrigination.bpmn",
            "processes/IdentityVerification.bpmn",
            "processes/ESignature.bpmn",
            "processes/forms/ReviewApplication.form",
            "processes/forms/ReviewIdentity.form",
            "processes/forms/ResolvePayoutFailure.form",
            "processes/forms/ReviewFraudSignals.form",
            "processes/ComplianceReview.bpmn",
            "processes/forms/ReviewSanctionsHit.form"
        })
class LoanOriginationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(configuration("process-test"))
            .assertClassCoverageAtLeast(0.95)
            .build();

    /** An in-memory engine of its own for a process test class, with mocks for the models' beans. */
    static ProcessCoverageInMemProcessEngineConfiguration configuration(String name) {
        ProcessCoverageInMemProcessEngineConfiguration c = new ProcessCoverageInMemProcessEngineConfiguration();
        c.setProcessEngineName(name);
        c.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        c.setExpressionManager(new MockExpressionManager());
        c.setJobExecutorActivate(false);
        c.setHistory("full");
        c.setDatabaseSchemaUpdate("create-drop");
        return c;
    }

    /** The status marker's stand-in: the statuses in the order the models set them. */
    public static class StatusRecorder {
        public final List<String> statuses = new ArrayList<>();

        public void mark(String applicationId, String status) {
            statuses.add(status);
        }
    }

    /** The product terms' stand-in: the periods the timers read. */
    public static class Terms {
        public String coolingOff(String applicationId) {
            return "PT0S";
        }

        public String signingPeriod(String applicationId) {
            return "P7D";
        }
    }

    /** The teams' deadlines' stand-in: far away. */
    public static class Deadlines {
        public java.util.Date due(String group) {
            return java.util.Date.from(java.time.Instant.parse("2099-01-01T00:00:00Z"));
        }

        public String after(String group) {
            return "PT4H";
        }
    }

    private final List<String> escalated = new ArrayList<>();

    private final StatusRecorder status = new StatusRecorder();
    private final Map<String, Object> outcome = new HashMap<>();
    private int payoutRejections;
    private boolean feeRefused;
    private ProcessEngine processEngine;
    private RuntimeService runtime;

    @BeforeEach
    void mocks(ProcessEngine processEngine) {
        this.processEngine = processEngine;
        this.runtime = processEngine.getRuntimeService();
        init(processEngine);
        outcome.put("sanctionsOutcome", "CLEAR");
        outcome.put("kycOutcome", "MATCH");
        outcome.put("eligibilityOutcome", "APPROVE");
        outcome.put("approvalGroup", "AUTOMATIC");
        Mocks.register("applicationStatus", status);
        Mocks.register("productTerms", new Terms());
        Mocks.register("sendOtpDelegate", (JavaDelegate) e -> {});
        Mocks.register("screenSanctionsDelegate", flag("sanctionsOutcome"));
        Mocks.register("checkRealNameDelegate", flag("kycOutcome"));
        outcome.put("fraudSignals", 0);
        Mocks.register("assessCreditDelegate", flag("fraudSignals"));
        Mocks.register("decideEligibilityDelegate", (JavaDelegate) e -> {
            e.setVariable("eligibilityOutcome", outcome.get("eligibilityOutcome"));
            e.setVariable("approvalGroup", outcome.get("approvalGroup"));
            e.setVariable("reviewDue", "2099-01-01T00:00:00Z");
        });
        Mocks.register("escalateReviewDelegate", (JavaDelegate) e -> {
            e.setVariable("approvalGroup", "senior-underwriters");
            e.setVariable("reviewDue", "2099-01-02T00:00:00Z");
        });
        Mocks.register("sendDeclineNoticeDelegate", (JavaDelegate) e -> {});
        Mocks.register("openComplianceCaseDelegate", (JavaDelegate)
                e -> runtime.startProcessInstanceByKey("ComplianceReview", e.getProcessBusinessKey()));
        outcome.put("pricingOutcome", "OFFER");
        Mocks.register("priceOfferDelegate", (JavaDelegate) e -> {
            e.setVariable("pricingOutcome", outcome.get("pricingOutcome"));
            e.setVariable("offerExpiresAt", "2099-01-01T00:00:00Z");
        });
        Mocks.register("voidEnvelopeDelegate", (JavaDelegate) e -> {});
        Mocks.register("cancelSigningDelegate", (JavaDelegate) e -> {});
        Mocks.register("collectFeeDelegate", (JavaDelegate) e -> {
            if (feeRefused) {
                throw new BpmnError("FeeNotCollected");
            }
        });
        Mocks.register("refundFeeDelegate", (JavaDelegate) e -> {});
        Mocks.register("requestPayoutAccountDelegate", (JavaDelegate) e -> {});
        Mocks.register("staffDeadlines", new Deadlines());
        Mocks.register("escalateOverdueTaskDelegate", (JavaDelegate) e -> escalated.add(e.getCurrentActivityId()));
        Mocks.register("disburseLoanDelegate", (JavaDelegate) e -> {
            if (payoutRejections > 0) {
                payoutRejections--;
                throw new BpmnError("PayoutRejected");
            }
        });
        Mocks.register("sendDisbursementNoticeDelegate", (JavaDelegate) e -> {});
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private JavaDelegate flag(String name) {
        return e -> e.setVariable(name, outcome.get(name));
    }

    private ProcessInstance start() {
        return runtime.createProcessInstanceByKey("LoanOrigination")
                .businessKey("app-1")
                .setVariables(Map.of("applicationId", "app-1"))
                .execute();
    }

    /** Sends the code, verifies the phone, screens and checks the name. */
    private ProcessInstance identityUpToScreening() {
        ProcessInstance loan = start();
        ProcessInstance identity = calledProcessInstance("IdentityVerification", loan);
        assertThat(identity).isWaitingAt("Task_SendOneTimePassword");
        execute(job("Task_SendOneTimePassword", identity));
        assertThat(identity).isWaitingAt("Task_WaitForPhoneVerification");
        runtime.correlateMessage("Message_PhoneVerified", "app-1");
        execute(job("Task_ScreenSanctions", identity));
        return loan;
    }

    private ProcessInstance verifiedAndAssessed() {
        ProcessInstance loan = identityUpToScreening();
        ProcessInstance identity = calledProcessInstance("IdentityVerification", loan);
        execute(job("Task_CheckRealName", identity));
        assertThat(identity).isEnded().hasPassed("Event_IdentityVerified");
        assertThat(loan).isWaitingAt("Task_AssessCredit");
        execute(job("Task_AssessCredit", loan));
        return loan;
    }

    private void acceptSignAndCoolOff(ProcessInstance loan) {
        assertThat(loan).isWaitingAt("Task_WaitForOfferAcceptance");
        runtime.correlateMessage("Message_OfferAccepted", "app-1");
        assertThat(loan).isWaitingAt("Task_CollectSignature");
        runtime.correlateMessage("Message_EnvelopeCompleted", "app-1");
        assertThat(loan).isWaitingAt("Task_CollectFee");
        execute(job("Task_CollectFee", loan));
        assertThat(loan).isWaitingAt("Event_CoolingOffElapsed");
        execute(job("Event_CoolingOffElapsed", loan));
        assertThat(loan).isWaitingAt("Task_DisburseLoan");
    }

    @Test
    void aFeeThatCannotBeCollectedCancelsTheLoanBeforeAnyPayout() {
        feeRefused = true;
        ProcessInstance loan = verifiedAndAssessed();
        runtime.correlateMessage("Message_OfferAccepted", "app-1");
        runtime.correlateMessage("Message_EnvelopeCompleted", "app-1");
        execute(job("Task_CollectFee", loan));
        assertThat(loan)
                .isEnded()
                .hasPassed("Event_FeeNotCollected", "Event_LoanCancelledUnpaid")
                .hasNotPassed("Task_DisburseLoan");
        assertThat(status.statuses).endsWith("SIGNED", "CANCELLED");
    }

    @Test
    void automaticApprovalToDisbursement() {
        ProcessInstance loan = verifiedAndAssessed();
        acceptSignAndCoolOff(loan);
        execute(job("Task_DisburseLoan", loan));
        assertThat(loan)
                .isEnded()
                .hasPassed("Task_PriceOffer", "Task_SendDisbursementNotice", "Event_LoanDisbursed")
                .hasNotPassed("Task_ReviewApplication");
        assertThat(status.statuses)
                .containsExactly(
                        "VERIFYING_IDENTITY",
                        "UNDER_REVIEW",
                        "APPROVED",
                        "SIGNING",
                        "SIGNED",
                        "COOLING_OFF",
                        "DISBURSED");
    }

    @Test
    void referredAndApprovedByStaff() {
        outcome.put("eligibilityOutcome", "REFER");
        outcome.put("approvalGroup", "underwriters");
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(loan).isWaitingAt("Task_ReviewApplication");
        assertThat(task("Task_ReviewApplication", loan))
                .hasCandidateGroup("underwriters")
                .hasFormKey(null);
        complete(task("Task_ReviewApplication", loan), withVariables("reviewDecision", "APPROVE"));
        execute(job("Task_ReviewApplication", loan));
        acceptSignAndCoolOff(loan);
        execute(job("Task_DisburseLoan", loan));
        assertThat(loan).isEnded().hasPassed("Task_ReviewApplication", "Event_LoanDisbursed");
        assertThat(status.statuses).contains("REFERRED", "APPROVED", "DISBURSED");
    }

    @Test
    void theReviewGoesToTheGroupTheDecisionNamed() {
        outcome.put("approvalGroup", "senior-underwriters");
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(task("Task_ReviewApplication", loan)).hasCandidateGroup("senior-underwriters");
    }

    @Test
    void anOverdueReviewEscalatesToTheNextLevel() {
        outcome.put("eligibilityOutcome", "REFER");
        outcome.put("approvalGroup", "underwriters");
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(task("Task_ReviewApplication", loan)).hasCandidateGroup("underwriters");
        execute(job("Event_ReviewOverdue", loan));
        assertThat(loan).hasPassed("Task_EscalateReview").isWaitingAt("Task_ReviewApplication");
        assertThat(task("Task_ReviewApplication", loan)).hasCandidateGroup("senior-underwriters");
        assertThat(processEngine
                        .getTaskService()
                        .getIdentityLinksForTask(
                                task("Task_ReviewApplication", loan).getId()))
                .extracting(link -> link.getGroupId())
                .containsExactly("senior-underwriters");
        complete(task("Task_ReviewApplication", loan), withVariables("reviewDecision", "APPROVE"));
        execute(job("Task_ReviewApplication", loan));
        assertThat(loan).isWaitingAt("Task_WaitForOfferAcceptance");
    }

    @Test
    void noOfferWhenTheAprWouldExceedTheCap() {
        outcome.put("pricingOutcome", "DECLINE");
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(loan)
                .isEnded()
                .hasPassed("Task_PriceOffer", "Task_SendDeclineNotice", "Event_ApplicationDeclined")
                .hasNotPassed("Task_WaitForOfferAcceptance");
        assertThat(status.statuses).containsExactly("VERIFYING_IDENTITY", "UNDER_REVIEW", "DECLINED");
    }

    @Test
    void fraudSignalsClearedByAFraudAnalystContinueToEligibility() {
        outcome.put("fraudSignals", 2);
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(loan).isWaitingAt("Task_ReviewFraudSignals");
        assertThat(task("Task_ReviewFraudSignals", loan)).hasCandidateGroup("fraud-analysts");
        complete(task("Task_ReviewFraudSignals", loan), withVariables("fraudReview", "CLEARED"));
        execute(job("Task_ReviewFraudSignals", loan));
        assertThat(loan).hasPassed("Task_DecideEligibility").isWaitingAt("Task_WaitForOfferAcceptance");
    }

    @Test
    void fraudConfirmedByAFraudAnalystDeclines() {
        outcome.put("fraudSignals", 1);
        ProcessInstance loan = verifiedAndAssessed();
        complete(task("Task_ReviewFraudSignals", loan), withVariables("fraudReview", "CONFIRMED"));
        execute(job("Task_ReviewFraudSignals", loan));
        assertThat(loan)
                .isEnded()
                .hasPassed("Task_SendDeclineNotice", "Event_ApplicationDeclined")
                .hasNotPassed("Task_DecideEligibility");
    }

    @Test
    void referredAndDeclinedByStaff() {
        outcome.put("eligibilityOutcome", "REFER");
        outcome.put("approvalGroup", "underwriters");
        ProcessInstance loan = verifiedAndAssessed();
        complete(task("Task_ReviewApplication", loan), withVariables("reviewDecision", "DECLINE"));
        execute(job("Task_ReviewApplication", loan));
        assertThat(loan)
                .isEnded()
                .hasPassed("Task_SendDeclineNotice", "Event_ApplicationDeclined")
                .hasNotPassed("Task_PriceOffer");
        assertThat(status.statuses).endsWith("REFERRED", "DECLINED");
    }

    @Test
    void automaticDecline() {
        outcome.put("eligibilityOutcome", "DECLINE");
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(loan).isEnded().hasPassed("Task_SendDeclineNotice", "Event_ApplicationDeclined");
        assertThat(status.statuses).containsExactly("VERIFYING_IDENTITY", "UNDER_REVIEW", "DECLINED");
    }

    @Test
    void phoneNeverVerifiedExpires() {
        ProcessInstance loan = start();
        ProcessInstance identity = calledProcessInstance("IdentityVerification", loan);
        execute(job("Task_SendOneTimePassword", identity));
        assertThat(identity).isWaitingAt("Task_WaitForPhoneVerification");
        execute(job("Event_PhoneVerificationTimedOut", identity));
        assertThat(loan).isEnded().hasPassed("Event_PhoneNotVerified", "Event_ApplicationExpired");
        assertThat(status.statuses).containsExactly("VERIFYING_IDENTITY", "EXPIRED");
    }

    @Test
    void possibleSanctionsMatchClearedByKycAnalyst() {
        outcome.put("sanctionsOutcome", "POSSIBLE_MATCH");
        ProcessInstance loan = identityUpToScreening();
        ProcessInstance identity = calledProcessInstance("IdentityVerification", loan);
        assertThat(task("Task_ReviewIdentity", identity)).hasCandidateGroup("kyc-analysts");
        execute(job("Event_IdentityReviewOverdue", identity));
        assertThat(identity).hasPassed("Event_IdentityReviewEscalated").isWaitingAt("Task_ReviewIdentity");
        complete(task("Task_ReviewIdentity", identity), withVariables("identityReview", "CLEARED"));
        execute(job("Task_ReviewIdentity", identity));
        execute(job("Task_CheckRealName", identity));
        assertThat(identity).isEnded().hasPassed("Event_IdentityVerified");
        assertThat(loan).isWaitingAt("Task_AssessCredit");
    }

    @Test
    void possibleSanctionsMatchConfirmedDeclines() {
        outcome.put("sanctionsOutcome", "POSSIBLE_MATCH");
        ProcessInstance loan = identityUpToScreening();
        ProcessInstance identity = calledProcessInstance("IdentityVerification", loan);
        complete(task("Task_ReviewIdentity", identity), withVariables("identityReview", "CONFIRMED"));
        execute(job("Task_ReviewIdentity", identity));
        assertThat(identity).hasPassed("Event_SanctionsMatchConfirmed");
        assertThat(loan).isEnded().hasPassed("Event_IdentityRejected", "Event_ApplicationDeclined");
    }

    @Test
    void listedNationalIdDeclinesAndOpensAComplianceReview() {
        outcome.put("sanctionsOutcome", "HIT");
        ProcessInstance loan = identityUpToScreening();
        assertThat(loan)
                .isEnded()
                .hasPassed("Event_IdentityRejected", "Task_SendDeclineNotice", "Event_ApplicationDeclined");
        ProcessInstance review = runtime.createProcessInstanceQuery()
                .processDefinitionKey("ComplianceReview")
                .processInstanceBusinessKey("app-1")
                .singleResult();
        assertThat(review).isWaitingAt("Task_ReviewSanctionsHit");
        assertThat(task("Task_ReviewSanctionsHit", review)).hasCandidateGroup("compliance");
        execute(job("Event_SanctionsHitReviewOverdue", review));
        assertThat(review).hasPassed("Event_SanctionsHitReviewEscalated");
        complete(task("Task_ReviewSanctionsHit", review), withVariables("complianceAction", "REPORTED"));
        execute(job("Task_ReviewSanctionsHit", review));
        assertThat(review).isEnded().hasPassed("Event_SanctionsHitReviewed");
    }

    /** Runs a failing job until its retries are used up. */
    private void failUntilIncident(ProcessInstance instance, String activity) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                execute(job(activity, instance));
            } catch (RuntimeException expected) {
                // the service did not answer
            }
        }
        assertThat(processEngine
                        .getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isEqualTo(1);
        assertThat(instance).isWaitingAt(activity);
    }

    @Test
    void aKycProviderThatNeverAnswersEndsInAnIncidentNotADecision() {
        Mocks.register("checkRealNameDelegate", (JavaDelegate) e -> {
            throw new IllegalStateException("provider timed out");
        });
        ProcessInstance loan = identityUpToScreening();
        failUntilIncident(calledProcessInstance("IdentityVerification", loan), "Task_CheckRealName");
        assertThat(status.statuses).containsExactly("VERIFYING_IDENTITY");
    }

    @Test
    void aBureauThatNeverAnswersEndsInAnIncidentNotADecision() {
        Mocks.register("assessCreditDelegate", (JavaDelegate) e -> {
            throw new IllegalStateException("bureau timed out");
        });
        ProcessInstance loan = identityUpToScreening();
        execute(job("Task_CheckRealName", calledProcessInstance("IdentityVerification", loan)));
        failUntilIncident(loan, "Task_AssessCredit");
        assertThat(loan).hasNotPassed("Task_DecideEligibility");
    }

    @Test
    void realNameMismatchDeclines() {
        outcome.put("kycOutcome", "MISMATCH");
        ProcessInstance loan = identityUpToScreening();
        execute(job("Task_CheckRealName", calledProcessInstance("IdentityVerification", loan)));
        assertThat(loan).isEnded().hasPassed("Event_IdentityRejected", "Event_ApplicationDeclined");
        assertThat(status.statuses).endsWith("DECLINED");
    }

    @Test
    void offerExpires() {
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(loan).isWaitingAt("Task_WaitForOfferAcceptance");
        execute(job("Event_OfferValidityEnded", loan));
        assertThat(loan).isEnded().hasPassed("Event_OfferExpired");
        assertThat(status.statuses).endsWith("APPROVED", "EXPIRED");
    }

    @Test
    void offerDeclinedByApplicant() {
        ProcessInstance loan = verifiedAndAssessed();
        runtime.correlateMessage("Message_OfferDeclined", "app-1");
        assertThat(loan).isEnded().hasPassed("Event_OfferDeclined");
        assertThat(status.statuses).endsWith("CANCELLED");
    }

    @Test
    void signingDeclinedCancels() {
        ProcessInstance loan = verifiedAndAssessed();
        runtime.correlateMessage("Message_OfferAccepted", "app-1");
        runtime.correlateMessage("Message_EnvelopeDeclined", "app-1");
        assertThat(loan).isEnded().hasPassed("Event_SignatureDeclined", "Event_SigningCancelled");
        assertThat(status.statuses)
                .containsExactly("VERIFYING_IDENTITY", "UNDER_REVIEW", "APPROVED", "SIGNING", "CANCELLED");
    }

    @Test
    void signingPeriodEndsAndEnvelopeIsVoided() {
        ProcessInstance loan = verifiedAndAssessed();
        runtime.correlateMessage("Message_OfferAccepted", "app-1");
        ProcessInstance esign = calledProcessInstance("ESignature", loan);
        execute(job("Event_SigningPeriodEnded", esign));
        execute(job("Task_VoidEnvelope", esign));
        assertThat(esign).isEnded().hasPassed("Task_VoidEnvelope", "Event_SigningExpired");
        assertThat(loan).isEnded().hasPassed("Event_SigningPeriodEnded", "Event_SigningExpired");
        assertThat(status.statuses).endsWith("EXPIRED");
    }

    @Test
    void withdrawnWhileWaitingForThePhone() {
        ProcessInstance loan = start();
        ProcessInstance identity = calledProcessInstance("IdentityVerification", loan);
        execute(job("Task_SendOneTimePassword", identity));
        runtime.correlateMessage("Message_WithdrawalRequested", "app-1");
        assertThat(status.statuses).as("withdrawn at once").endsWith("WITHDRAWN");
        assertThat(loan).isWaitingAt("Task_CancelSigning");
        execute(job("Task_CancelSigning", loan));
        execute(job("Task_RefundFee", loan));
        assertThat(loan)
                .isEnded()
                .hasPassed(
                        "Event_WithdrawalRequested",
                        "Task_CancelSigning",
                        "Task_RefundFee",
                        "Event_ApplicationWithdrawn");
        assertThat(identity).isEnded();
    }

    @Test
    void withdrawnDuringCoolingOff() {
        ProcessInstance loan = verifiedAndAssessed();
        runtime.correlateMessage("Message_OfferAccepted", "app-1");
        runtime.correlateMessage("Message_EnvelopeCompleted", "app-1");
        execute(job("Task_CollectFee", loan));
        assertThat(loan).isWaitingAt("Event_CoolingOffElapsed");
        runtime.correlateMessage("Message_WithdrawalRequested", "app-1");
        execute(job("Task_CancelSigning", loan));
        execute(job("Task_RefundFee", loan));
        assertThat(loan).isEnded().hasPassed("Event_ApplicationWithdrawn").hasNotPassed("Task_DisburseLoan");
    }

    /** A signed loan whose payout the rail refused once: it waits for operations. */
    private ProcessInstance payoutRefused() {
        payoutRejections = 1;
        ProcessInstance loan = verifiedAndAssessed();
        acceptSignAndCoolOff(loan);
        execute(job("Task_DisburseLoan", loan));
        return loan;
    }

    @Test
    void payoutRejectedThenRetriedByOperations() {
        ProcessInstance loan = payoutRefused();
        assertThat(loan).isWaitingAt("Task_ResolvePayoutFailure");
        assertThat(task("Task_ResolvePayoutFailure", loan)).hasCandidateGroup("operations");
        complete(task("Task_ResolvePayoutFailure", loan), withVariables("payoutResolution", "RETRY"));
        execute(job("Task_ResolvePayoutFailure", loan));
        execute(job("Task_DisburseLoan", loan));
        assertThat(loan).isEnded().hasPassed("Event_PayoutRejected", "Event_LoanDisbursed");
    }

    @Test
    void payoutRejectedAndCancelledByOperations() {
        ProcessInstance loan = payoutRefused();
        complete(task("Task_ResolvePayoutFailure", loan), withVariables("payoutResolution", "CANCEL"));
        execute(job("Task_ResolvePayoutFailure", loan));
        execute(job("Task_ReturnFee", loan));
        assertThat(loan)
                .isEnded()
                .hasPassed("Task_ReturnFee", "Event_PayoutCancelled")
                .hasNotPassed("Event_LoanDisbursed");
        assertThat(status.statuses).doesNotContain("DISBURSED").endsWith("COOLING_OFF", "CANCELLED");
    }

    @Test
    void operationsAskTheApplicantForAnotherCardAndThePayoutIsRetriedWhenItComes() {
        ProcessInstance loan = payoutRefused();
        complete(task("Task_ResolvePayoutFailure", loan), withVariables("payoutResolution", "ASK_APPLICANT"));
        execute(job("Task_ResolvePayoutFailure", loan));
        assertThat(loan).hasPassed("Task_RequestPayoutAccount").isWaitingAt("Gateway_PayoutAccountAnswer");
        runtime.correlateMessage("Message_PayoutAccountCorrected", "app-1");
        execute(job("Task_DisburseLoan", loan));
        assertThat(loan).isEnded().hasPassed("Event_PayoutAccountCorrected", "Event_LoanDisbursed");
    }

    @Test
    void withoutACorrectedCardWithinSevenDaysTheTaskReturnsToOperations() {
        ProcessInstance loan = payoutRefused();
        complete(task("Task_ResolvePayoutFailure", loan), withVariables("payoutResolution", "ASK_APPLICANT"));
        execute(job("Task_ResolvePayoutFailure", loan));
        execute(job("Event_PayoutCorrectionPeriodEnded", loan));
        assertThat(loan).isWaitingAt("Task_ResolvePayoutFailure");
        complete(
                task("Task_ResolvePayoutFailure", loan),
                withVariables("payoutResolution", "CANCEL", "payoutCancelReason", "CARD_NOT_CORRECTED"));
        execute(job("Task_ResolvePayoutFailure", loan));
        execute(job("Task_ReturnFee", loan));
        assertThat(loan).isEnded().hasPassed("Event_PayoutCancelled");
    }

    @Test
    void aCounterOfferIsPricedLikeAnApproval() {
        outcome.put("eligibilityOutcome", "REFER");
        outcome.put("approvalGroup", "senior-underwriters");
        ProcessInstance loan = verifiedAndAssessed();
        complete(task("Task_ReviewApplication", loan), withVariables("reviewDecision", "COUNTER_OFFER"));
        execute(job("Task_ReviewApplication", loan));
        assertThat(loan).hasPassed("Task_PriceOffer").isWaitingAt("Task_WaitForOfferAcceptance");
    }

    @Test
    void everyVerificationAndOperationsTaskEscalatesWhenOverdueAndStaysOpen() {
        outcome.put("fraudSignals", 1);
        ProcessInstance loan = verifiedAndAssessed();
        assertThat(loan).isWaitingAt("Task_ReviewFraudSignals");
        execute(job("Event_FraudReviewOverdue", loan));
        assertThat(loan).isWaitingAt("Task_ReviewFraudSignals").hasPassed("Event_FraudReviewEscalated");
        assertThat(escalated).containsExactly("Task_EscalateFraudReview");
    }

    @Test
    void anOverduePayoutFailureEscalatesToOperationsLeads() {
        ProcessInstance loan = payoutRefused();
        execute(job("Event_PayoutFailureOverdue", loan));
        assertThat(loan).isWaitingAt("Task_ResolvePayoutFailure").hasPassed("Event_PayoutFailureEscalated");
    }
}
