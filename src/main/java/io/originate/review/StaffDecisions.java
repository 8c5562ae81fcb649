package io.originate.review;

import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.decision.ApprovalRouting;
import io.originate.decisionlog.DecisionRecords;
import io.originate.process.Outcomes;
import io.originate.process.ProcessVariables;
import io.originate.process.StaffAction;
import io.originate.process.StaffDecisionPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rules of a staff decision, applied when a task is completed (Tasklist and the REST API
 * alike; the engine glue has already checked the user's group and the form): nobody makes two
 * decisions on one application (four eyes), an approval needs an authority limit that covers the
 * amount, and every decision is recorded with who made it, in the audit trail and, for the
 * decisions that steer the loan, as a decision record.
 */
@Component
class StaffDecisions implements StaffDecisionPolicy {

    /**
     * What a staff task decides: the form field, the kind of decision record it makes (none for
     * operational tasks, which are audited only), the reason recorded when it declines, and what
     * the applicant's trail says of it (null: the answer itself). Verification reviews are told
     * without their outcome: the applicant must not learn of a sanctions or fraud suspicion.
     */
    private record Decides(String variable, String kind, String declineReason, String told) {}

    private static final String VERIFIED = "A verification review was completed";

    private static final Map<String, Decides> TASKS = Map.of(
            "Task_ReviewApplication", new Decides(ProcessVariables.REVIEW_DECISION, "REVIEW", "STAFF_DECISION", null),
            "Task_ReviewIdentity",
                    new Decides(ProcessVariables.IDENTITY_REVIEW, "IDENTITY_REVIEW", "SANCTIONS_MATCH", VERIFIED),
            "Task_ReviewFraudSignals",
                    new Decides(ProcessVariables.FRAUD_REVIEW, "FRAUD_REVIEW", "FRAUD_SIGNAL", VERIFIED),
            "Task_ResolvePayoutFailure", new Decides(ProcessVariables.PAYOUT_RESOLUTION, null, null, null),
            "Task_ReviewSanctionsHit", new Decides(ProcessVariables.COMPLIANCE_ACTION, null, null, VERIFIED));

    /** Form answers that let the application go on; any other answer declines it. */
    private static final Set<String> GOES_ON = Set.of(Outcomes.Review.APPROVE.name(), Outcomes.Finding.CLEARED.name());

    private static final String DECLINE = Outcomes.Review.DECLINE.name();

    private final LoanApplications applications;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final ApprovalRouting routing;

    StaffDecisions(
            LoanApplications applications, DecisionRecords decisions, AuditTrail audit, ApprovalRouting routing) {
        this.applications = applications;
        this.decisions = decisions;
        this.audit = audit;
        this.routing = routing;
    }

    @Override
    public void decide(StaffAction action) {
        Decides decides = TASKS.get(action.taskDefinitionKey());
        if (decides == null) {
            throw new Refused("'" + action.taskName() + "' is not a staff decision this application knows");
        }
        String answer = String.valueOf(action.values().get(decides.variable()));
        if (decides.kind() != null && decisions.decidedBy(action.applicationId(), action.userId())) {
            throw new Refused("Four eyes: " + action.userId()
                    + " already decided on this application; another person must decide this task");
        }
        if (action.taskDefinitionKey().equals("Task_ReviewApplication")
                && answer.equals(Outcomes.Review.APPROVE.name())) {
            checkAuthority(action, applications.get(action.applicationId()).amount());
        }
        record(action, decides, answer);
    }

    /** The approver's largest authority limit, over the groups the approval table knows, must cover the amount. */
    private void checkAuthority(StaffAction action, BigDecimal amount) {
        BigDecimal limit = BigDecimal.ZERO;
        for (String group : action.userGroups()) {
            if (routing.isLevel(group)) {
                limit = limit.max(routing.authority(group).limit());
            }
        }
        if (limit.compareTo(amount) < 0) {
            throw new Refused("Approving " + amount + " needs a higher authority limit than " + limit);
        }
    }

    private void record(StaffAction action, Decides decides, String answer) {
        String id = action.applicationId();
        // who decided is in the decision record and the engine's operation log, not in the applicant's trail
        audit.append(id, "STAFF_DECISION", decides.told() != null ? decides.told() : action.taskName() + ": " + answer);
        if (decides.kind() == null) {
            return;
        }
        String outcome = GOES_ON.contains(answer) ? answer : DECLINE;
        List<String> reasons = new ArrayList<>();
        if (outcome.equals(DECLINE)) {
            if (decides.kind().equals("REVIEW")) {
                decisions.latest(id, "ELIGIBILITY").ifPresent(d -> reasons.addAll(d.reasons()));
            }
            reasons.add(decides.declineReason());
        }
        decisions.recordStaffDecision(
                id,
                decides.kind(),
                outcome,
                reasons,
                Map.of("decidedBy", action.userId(), "task", action.taskDefinitionKey()),
                action.userId());
    }
}
