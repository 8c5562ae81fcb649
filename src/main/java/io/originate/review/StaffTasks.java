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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Every staff task's listener ({@code ${staffTasks}} on create and complete). On create it gives
 * the form a masked summary as task-local variables (no personal data in clear). On complete it
 * checks that the person completing is in the task's candidate group — the engine does not — and
 * records the staff decision with who made it.
 */
@Component("staffTasks")
public class StaffTasks implements TaskListener {

    static final Set<String> DECISIONS = Set.of(
            ProcessVariables.REVIEW_DECISION,
            ProcessVariables.IDENTITY_REVIEW,
            ProcessVariables.FRAUD_REVIEW,
            ProcessVariables.PAYOUT_RESOLUTION,
            ProcessVariables.COMPLIANCE_ACTION);

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
                                    .map(code -> code + " ("
                                            + FraudSignal.valueOf(code).severity() + "): "
                                            + FraudSignal.valueOf(code).description())
                                    .collect(java.util.stream.Collectors.joining("; ")));
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
        if (user != null
                && "APPROVE".equals(task.getVariable(ProcessVariables.REVIEW_DECISION))
                && task.getTaskDefinitionKey().equals("Task_ReviewApplication")) {
            checkAuthority(user, applications.get(id).amount());
        }
        for (String name : DECISIONS) {
            Object value = task.getVariable(name);
            if (value != null && isFor(task, name)) {
                record(id, task, name, value.toString(), user);
            }
        }
    }

    /** The approver's largest authority limit, over the groups the approval table knows, must cover the amount. */
    private void checkAuthority(String user, java.math.BigDecimal amount) {
        java.math.BigDecimal limit = java.math.BigDecimal.ZERO;
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

    private static boolean isFor(DelegateTask task, String variable) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_ReviewApplication" -> variable.equals(ProcessVariables.REVIEW_DECISION);
            case "Task_ReviewIdentity" -> variable.equals(ProcessVariables.IDENTITY_REVIEW);
            case "Task_ReviewFraudSignals" -> variable.equals(ProcessVariables.FRAUD_REVIEW);
            case "Task_ResolvePayoutFailure" -> variable.equals(ProcessVariables.PAYOUT_RESOLUTION);
            case "Task_ReviewSanctionsHit" -> variable.equals(ProcessVariables.COMPLIANCE_ACTION);
            default -> false;
        };
    }

    private void record(String applicationId, DelegateTask task, String variable, String value, String user) {
        String by = user == null ? "unknown" : user;
        audit.append(applicationId, "STAFF_DECISION", task.getName() + ": " + value + " by " + by);
        List<String> reasons = new ArrayList<>();
        String outcome;
        if (variable.equals(ProcessVariables.REVIEW_DECISION)) {
            outcome = value.equals("APPROVE") ? "APPROVE" : "DECLINE";
            if (outcome.equals("DECLINE")) {
                decisions.latest(applicationId, "ELIGIBILITY").ifPresent(d -> reasons.addAll(d.reasons()));
                reasons.add("STAFF_DECISION");
            }
        } else if (variable.equals(ProcessVariables.IDENTITY_REVIEW)
                || variable.equals(ProcessVariables.FRAUD_REVIEW)) {
            outcome = value.equals("CLEARED") ? "CLEARED" : "DECLINE";
            if (outcome.equals("DECLINE")) {
                reasons.add(variable.equals(ProcessVariables.FRAUD_REVIEW) ? "FRAUD_SIGNAL" : "SANCTIONS_MATCH");
            }
        } else {
            return;
        }
        decisions.record(
                applicationId,
                switch (variable) {
                    case ProcessVariables.REVIEW_DECISION -> "REVIEW";
                    case ProcessVariables.FRAUD_REVIEW -> "FRAUD_REVIEW";
                    default -> "IDENTITY_REVIEW";
                },
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
