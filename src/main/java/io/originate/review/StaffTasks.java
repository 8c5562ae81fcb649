package io.originate.review;

import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.credit.CreditAssessments;
import io.originate.credit.FraudSignal;
import io.originate.decisionlog.DecisionRecords;
import io.originate.identity.IdentityChecks;
import io.originate.identity.SanctionsList;
import io.originate.privacy.Masking;
import io.originate.privacy.PiiVault;
import io.originate.process.TaskSummary;
import io.originate.shared.Money;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The summary every staff task's form shows, as task-local variables (masked: no personal data in
 * clear); the engine attaches it to every user task. Who may decide, and the record of the
 * decision, are {@link StaffDecisions}'.
 */
@Component
class StaffTasks implements TaskSummary {

    private final LoanApplications applications;
    private final PiiVault vault;
    private final CreditAssessments credit;
    private final DecisionRecords decisions;
    private final IdentityChecks identity;

    StaffTasks(
            LoanApplications applications,
            PiiVault vault,
            CreditAssessments credit,
            DecisionRecords decisions,
            IdentityChecks identity) {
        this.applications = applications;
        this.vault = vault;
        this.credit = credit;
        this.decisions = decisions;
        this.identity = identity;
    }

    @Override
    public void summarise(DelegateTask task) {
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
}
