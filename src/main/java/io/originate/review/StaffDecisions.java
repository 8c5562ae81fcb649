package io.originate.review;

import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.decision.ApprovalRouting;
import io.originate.decision.EligibilityDecision;
import io.originate.decisionlog.DecisionRecords;
import io.originate.process.Outcomes;
import io.originate.process.ProcessVariables;
import io.originate.process.StaffAction;
import io.originate.process.StaffDecisionPolicy;
import io.originate.rules.RuleBook;
import io.originate.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    private static final Set<String> GOES_ON = Set.of(
            Outcomes.Review.APPROVE.name(), Outcomes.Review.COUNTER_OFFER.name(), Outcomes.Finding.CLEARED.name());

    private static final String COUNTER_OFFER = Outcomes.Review.COUNTER_OFFER.name();

    private static final String DECLINE = Outcomes.Review.DECLINE.name();

    private final LoanApplications applications;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final ApprovalRouting routing;
    private final EligibilityDecision eligibility;
    private final RuleBook rules;

    StaffDecisions(
            LoanApplications applications,
            DecisionRecords decisions,
            AuditTrail audit,
            ApprovalRouting routing,
            EligibilityDecision eligibility,
            RuleBook rules) {
        this.applications = applications;
        this.decisions = decisions;
        this.audit = audit;
        this.routing = routing;
        this.eligibility = eligibility;
        this.rules = rules;
    }

    @Override
    public Set<String> tasks() {
        return TASKS.keySet();
    }

    /** The note is staff-only text: kept in the decision record, not in the process. */
    @Override
    public Set<String> keptOutOfTheProcess() {
        return Set.of("decisionNote");
    }

    @Override
    public void checkClaim(String taskDefinitionKey, String applicationId, String userId) {
        if (TASKS.get(taskDefinitionKey).kind() != null && decisions.decidedBy(applicationId, userId)) {
            throw new Refused(fourEyes(userId));
        }
    }

    private static String fourEyes(String userId) {
        return "Four eyes: " + userId + " already decided on this application; another person must decide this task";
    }

    @Override
    public void decide(StaffAction action) {
        Decides decides = TASKS.get(action.taskDefinitionKey());
        if (decides == null) {
            throw new Refused("'" + action.taskName() + "' is not a staff decision this application knows");
        }
        String answer = String.valueOf(action.values().get(decides.variable()));
        if (decides.kind() != null && decisions.decidedBy(action.applicationId(), action.userId())) {
            throw new Refused(fourEyes(action.userId()));
        }
        List<String> reasons = List.of();
        Map<String, Object> terms = Map.of();
        if (action.taskDefinitionKey().equals("Task_ResolvePayoutFailure")
                && answer.equals(Outcomes.PayoutResolution.CANCEL.name())) {
            Object why = action.values().get(ProcessVariables.PAYOUT_CANCEL_REASON);
            if (why == null) {
                throw new Refused("Cancelling a loan names why (payoutCancelReason)");
            }
            answer = answer + " (" + why + ")";
        }
        if (action.taskDefinitionKey().equals("Task_ReviewApplication")) {
            LoanApplication a = applications.get(action.applicationId());
            if (answer.equals(Outcomes.Review.APPROVE.name())) {
                checkAuthority(action, a.amount());
            } else if (answer.equals(COUNTER_OFFER)) {
                terms = counterOffer(action, a);
            } else {
                reasons = principalReasons(action);
            }
        }
        record(action, decides, answer, reasons, terms);
    }

    /**
     * A counter-offer lends no more than was asked, on terms the eligibility rules accept and
     * within the approver's authority; the offer is then priced on these terms.
     */
    private Map<String, Object> counterOffer(StaffAction action, LoanApplication a) {
        if (!(action.values().get("counterAmount") instanceof Number amountGiven)
                || !(action.values().get("counterTermMonths") instanceof Number termGiven)) {
            throw new Refused(
                    "A counter-offer needs its amount (counterAmount) and term in months (counterTermMonths)");
        }
        if (!Double.isFinite(amountGiven.doubleValue()) || !Double.isFinite(termGiven.doubleValue())) {
            throw new Refused("A counter-offer's amount and term are numbers");
        }
        BigDecimal amount = Money.fen(new BigDecimal(amountGiven.toString()));
        if (termGiven.doubleValue() != Math.rint(termGiven.doubleValue()) || termGiven.intValue() < 1) {
            throw new Refused("The counter-offer term must be a whole number of months");
        }
        int term = termGiven.intValue();
        if (amount.signum() <= 0 || amount.compareTo(a.amount()) > 0) {
            throw new Refused("A counter-offer lends more than nothing and no more than the "
                    + Money.display(a.amount()) + " asked for; " + Money.display(amount) + " is not that");
        }
        if (amount.compareTo(a.amount()) == 0 && term == a.termMonths()) {
            throw new Refused("These are the terms asked for: approve instead of counter-offering");
        }
        List<String> declines = eligibility.declinesOn(action.applicationId(), amount, term);
        if (!declines.isEmpty()) {
            throw new Refused("The eligibility rules decline " + Money.display(amount) + " over " + term + " months: "
                    + declines.stream()
                            .map(code -> rules.catalogue().get(code).en())
                            .collect(Collectors.joining("; ")));
        }
        checkAuthority(action, amount);
        applications.approveTerms(action.applicationId(), amount, term);
        return Map.of("counterAmount", Money.format(amount), "counterTermMonths", term);
    }

    /** A decline names its principal reasons, from the catalogue. */
    private List<String> principalReasons(StaffAction action) {
        List<String> reasons = new ArrayList<>();
        for (String field : List.of("declineReason", "secondDeclineReason")) {
            Object code = action.values().get(field);
            if (code instanceof String c && !c.isBlank() && !reasons.contains(c)) {
                if (!rules.catalogue().contains(c)) {
                    throw new Refused(c + " is not a reason of the catalogue");
                }
                reasons.add(c);
            }
        }
        if (reasons.isEmpty()) {
            throw new Refused("A decline names its principal reason (declineReason), which the applicant is told");
        }
        return reasons;
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

    private void record(
            StaffAction action, Decides decides, String answer, List<String> chosen, Map<String, Object> terms) {
        String id = action.applicationId();
        // who decided is in the decision record and the engine's operation log, not in the applicant's trail
        audit.append(
                id,
                "STAFF_DECISION",
                decides.told() != null
                        ? decides.told()
                        : action.taskName() + ": " + answer
                                + (terms.isEmpty()
                                        ? ""
                                        : " " + terms.get("counterAmount") + " over " + terms.get("counterTermMonths")
                                                + " months"));
        if (decides.kind() == null) {
            return;
        }
        String outcome = GOES_ON.contains(answer) ? (answer.equals(COUNTER_OFFER) ? "APPROVE" : answer) : DECLINE;
        List<String> reasons = new ArrayList<>();
        if (outcome.equals(DECLINE)) {
            if (!chosen.isEmpty()) {
                reasons.addAll(chosen);
            } else {
                if (decides.kind().equals("REVIEW")) {
                    decisions.latest(id, "ELIGIBILITY").ifPresent(d -> reasons.addAll(d.reasons()));
                }
                reasons.add(decides.declineReason());
            }
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("decidedBy", action.userId());
        inputs.put("task", action.taskDefinitionKey());
        inputs.put("answer", answer);
        inputs.putAll(terms);
        if (action.values().get("decisionNote") instanceof String note && !note.isBlank()) {
            inputs.put("note", note);
        }
        decisions.recordStaffDecision(id, decides.kind(), outcome, reasons, inputs, action.userId());
    }
}
