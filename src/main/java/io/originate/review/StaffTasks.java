package io.originate.review;

import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.credit.CreditAssessments;
import io.originate.credit.FraudSignal;
import io.originate.decision.ApprovalRouting;
import io.originate.decision.DecisionRecords;
import io.originate.identity.IdentityChecks;
import io.originate.identity.SanctionsList;
import io.originate.privacy.Masking;
import io.originate.privacy.PiiVault;
import io.originate.process.ProcessVariables;
import io.originate.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Every staff task's listener ({@code ${staffTasks}} on create and complete). On create it gives
 * the form a masked summary as task-local variables (no personal data in clear). On complete it
 * checks that the person completing is in the task's candidate group and, for an approval, has
 * the authority for the amount, and that nobody makes two decisions on one application (four
 * eyes) — the engine checks none of this — and records the decision with who made it.
 */
@Component("staffTasks")
public class StaffTasks implements TaskListener {

    /**
     * What a staff task decides: the form field, the kind of decision record it makes (none for
     * operational tasks, which are audited only), and the reason recorded when it declines.
     */
    private record Decides(String variable, String kind, String declineReason) {}

    private static final Map<String, Decides> TASKS = Map.of(
            "Task_ReviewApplication", new Decides(ProcessVariables.REVIEW_DECISION, "REVIEW", "STAFF_DECISION"),
            "Task_ReviewIdentity", new Decides(ProcessVariables.IDENTITY_REVIEW, "IDENTITY_REVIEW", "SANCTIONS_MATCH"),
            "Task_ReviewFraudSignals", new Decides(ProcessVariables.FRAUD_REVIEW, "FRAUD_REVIEW", "FRAUD_SIGNAL"),
            "Task_ResolvePayoutFailure", new Decides(ProcessVariables.PAYOUT_RESOLUTION, null, null),
            "Task_ReviewSanctionsHit", new Decides(ProcessVariables.COMPLIANCE_ACTION, null, null));

    /** Form answers that let the application go on; any other answer declines it. */
    private static final Set<String> GOES_ON = Set.of("APPROVE", "CLEARED");

    private final LoanApplications applications;
    private final PiiVault vault;
    private final CreditAssessments credit;
    private final DecisionRecords decisions;
    private final IdentityChecks identity;
    private final AuditTrail audit;
    private final IdentityService identityService;
    private final ApprovalRouting routing;

    public StaffTasks(
            LoanApplications applications,
            PiiVault vault,
            CreditAssessments credit,
            DecisionRecords decisions,
            IdentityChecks identity,
            AuditTrail audit,
            IdentityService identityService,
            ApprovalRouting routing) {
        this.routing = routing;
        this.applications = applications;
        this.vault = vault;
        this.credit = credit;
        this.decisions = decisions;
        this.identity = identity;
        this.audit = audit;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> summarise(task);
            case EVENTNAME_COMPLETE -> complete(task);
            default -> {}
        }
    }

    private void summarise(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        LoanApplication a = applications.get(id);
        task.setVariableLocal("applicant", Masking.name(vault.read(id).fullName()));
        task.setVariableLocal("amount", Money.format(a.amount()));
        task.setVariableLocal("termMonths", a.termMonths());
        task.setVariableLocal("monthlyIncome", Money.format(a.monthlyIncome()));
        task.setVariableLocal("employment", a.employmentStatus() + ", " + a.employmentMonths() + " months");
        decisions.latest(id, "SCORE").ifPresent(score -> task.setVariableLocal("riskGrade", score.outcome()));
        credit.find(id).ifPresent(c -> {
            task.setVariableLocal(
                    "bureau",
                    c.report().hasFile()
                            ? "score " + c.report().score() + ", " + c.report().delinquencies12m()
                                    + " delinquencies (12m), " + c.report().inquiries6m() + " inquiries (6m)"
                                    + (c.report().bankruptcy() ? ", bankruptcy on file" : "")
                            : "no credit file");
            task.setVariableLocal(
                    "fraudEvidence",
                    c.fraudSignals().isEmpty()
                            ? "none"
                            : c.fraudSignals().stream()
                                    .map(code -> FraudSignal.valueOf(code).explained())
                                    .collect(Collectors.joining("; ")));
        });
        decisions
                .latest(id, "ELIGIBILITY")
                .ifPresent(d -> task.setVariableLocal("reasons", String.join(", ", d.reasons())));
        if (task.getTaskDefinitionKey().equals("Task_ReviewIdentity")
                || task.getTaskDefinitionKey().equals("Task_ReviewSanctionsHit")) {
            SanctionsList.Screening s = identity.evidence(id);
            task.setVariableLocal(
                    "evidence",
                    s.listId() == null
                            ? "no list entry above the threshold"
                            : s.outcome() == SanctionsList.Outcome.HIT
                                    ? String.format("national ID listed in %s (%s)", s.listId(), s.source())
                                    : String.format(
                                            "%s (%s), name similarity %.2f", s.listId(), s.source(), s.score()));
        }
        task.setVariableLocal("reference", id);
    }

    private void complete(DelegateTask task) {
        String user = currentUser();
        List<String> groups = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .toList();
        if (user != null && !groups.isEmpty()) {
            long member = identityService
                    .createGroupQuery()
                    .groupMember(user)
                    .groupIdIn(groups.toArray(String[]::new))
                    .count();
            if (member == 0) {
                throw new IllegalStateException("Only members of " + groups + " may complete this task");
            }
        }
        String id = task.getExecution().getProcessBusinessKey();
        Decides decides = TASKS.get(task.getTaskDefinitionKey());
        if (user != null && decides != null && decides.kind() != null) {
            checkFourEyes(id, user);
        }
        if (user != null
                && "APPROVE".equals(task.getVariable(ProcessVariables.REVIEW_DECISION))
                && task.getTaskDefinitionKey().equals("Task_ReviewApplication")) {
            checkAuthority(user, applications.get(id).amount());
        }
        Object answer = decides == null ? null : task.getVariable(decides.variable());
        if (answer != null) {
            record(id, task, decides, answer.toString(), user == null ? "unknown" : user);
        }
    }

    /** Four eyes: one person makes at most one of the staff decisions on an application. */
    private void checkFourEyes(String applicationId, String user) {
        boolean decidedBefore = decisions.all(applicationId).stream()
                .filter(r -> TASKS.values().stream().anyMatch(d -> r.kind().equals(d.kind())))
                .anyMatch(r -> r.inputs().contains("\"decidedBy\":\"" + user + "\""));
        if (decidedBefore) {
            throw new IllegalStateException("Four eyes: " + user
                    + " already decided on this application; another person must decide this task");
        }
    }

    /** The approver's largest authority limit, over the groups the approval table knows, must cover the amount. */
    private void checkAuthority(String user, BigDecimal amount) {
        BigDecimal limit = BigDecimal.ZERO;
        for (var group : identityService.createGroupQuery().groupMember(user).list()) {
            try {
                limit = limit.max(routing.authority(group.getId()).limit());
            } catch (IllegalStateException notALevel) {
                // a group without approval authority
            }
        }
        if (limit.compareTo(amount) < 0) {
            throw new IllegalStateException("Approving " + amount + " needs a higher authority limit than " + limit);
        }
    }

    private void record(String applicationId, DelegateTask task, Decides decides, String answer, String by) {
        audit.append(applicationId, "STAFF_DECISION", task.getName() + ": " + answer + " by " + by);
        if (decides.kind() == null) {
            return;
        }
        String outcome = GOES_ON.contains(answer) ? answer : "DECLINE";
        List<String> reasons = new ArrayList<>();
        if (outcome.equals("DECLINE")) {
            if (decides.kind().equals("REVIEW")) {
                decisions.latest(applicationId, "ELIGIBILITY").ifPresent(d -> reasons.addAll(d.reasons()));
            }
            reasons.add(decides.declineReason());
        }
        decisions.record(
                applicationId,
                decides.kind(),
                outcome,
                reasons,
                Map.of("decidedBy", by, "task", task.getTaskDefinitionKey()),
                null);
    }

    private String currentUser() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
