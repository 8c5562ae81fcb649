package io.originate.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.credit.CreditAssessments;
import io.originate.credit.FraudSignal;
import io.originate.decisionlog.DecisionRecords;
import io.originate.identity.IdentityChecks;
import io.originate.identity.SanctionsList;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.Masking;
import io.originate.privacy.PiiVault;
import io.originate.process.ProcessVariables;
import io.originate.process.TaskSummary;
import io.originate.rules.ReasonCatalogue;
import io.originate.rules.RuleBook;
import io.originate.shared.Money;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What staff see of an application in a task: the list name ({@code Review application · 李* ·
 * 150,000.00}) and the form's facts as task-local variables, masked, with reasons in the
 * catalogue's words and why the case reached this group. Only the identity and sanctions reviews
 * see the applicant's name and birth date in clear, to compare them with the list entry; those
 * stay out of the history ({@link TaskSummary#UNRECORDED}). Who may decide, and the record of
 * the decision, are {@link StaffDecisions}'.
 */
@Component
@Order(0)
class StaffTasks implements TaskSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoanApplications applications;
    private final PiiVault vault;
    private final CreditAssessments credit;
    private final DecisionRecords decisions;
    private final IdentityChecks identity;
    private final SanctionsList sanctions;
    private final RuleBook rules;
    private final StaffLookup lookup;
    private final Clock clock;

    StaffTasks(
            LoanApplications applications,
            PiiVault vault,
            CreditAssessments credit,
            DecisionRecords decisions,
            IdentityChecks identity,
            SanctionsList sanctions,
            RuleBook rules,
            StaffLookup lookup,
            Clock clock) {
        this.applications = applications;
        this.vault = vault;
        this.credit = credit;
        this.decisions = decisions;
        this.identity = identity;
        this.sanctions = sanctions;
        this.rules = rules;
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    public void summarise(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        LoanApplication a = applications.get(id);
        // a complaint may come after the retention policy erased the applicant's personal data
        Optional<ApplicantPii> kept = vault.find(id);
        String masked = kept.map(pii -> Masking.name(pii.fullName())).orElse("(personal data erased)");
        task.setName(task.getName() + " · " + masked + " · " + Money.display(a.amount()));
        task.setVariableLocal("reference", id);
        task.setVariableLocal("applicant", masked);
        task.setVariableLocal("amount", Money.display(a.amount()));
        task.setVariableLocal("termMonths", a.termMonths());
        task.setVariableLocal("purpose", a.purpose());
        kept.ifPresent(pii -> task.setVariableLocal(
                "age", Period.between(pii.birthDate(), LocalDate.now(clock)).getYears()));
        task.setVariableLocal("monthlyIncome", Money.display(a.monthlyIncome()));
        task.setVariableLocal("employment", a.employmentStatus() + ", " + a.employmentMonths() + " months");
        decisions.latest(id, "SCORE").ifPresent(score -> {
            task.setVariableLocal("riskGrade", score.outcome());
            JsonNode inputs = read(score.inputs());
            task.setVariableLocal("scorePoints", inputs.path("points").asText());
            task.setVariableLocal(
                    "debtToIncome",
                    Math.round(inputs.path("facts").path("existingDebtToIncome").asDouble() * 100) + "%");
            task.setVariableLocal("scoreReasons", worded(score.reasons()));
        });
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
        if (kept.isPresent()) { // erased applications' blind indexes no longer link anything
            task.setVariableLocal(
                    "earlierApplications", related(applications.sharing("national_id_index", a.nationalIdIndex(), id)));
            task.setVariableLocal(
                    "linkedApplications",
                    "same device: " + related(applications.sharing("device_index", a.deviceIndex(), id))
                            + "; same mobile: " + related(applications.sharing("mobile_index", a.mobileIndex(), id)));
        }
        decisions.latest(id, "ELIGIBILITY").ifPresent(d -> task.setVariableLocal("reasons", worded(d.reasons())));
        whyHere(task);
        String key = task.getTaskDefinitionKey();
        if (kept.isPresent() && (key.equals("Task_ReviewIdentity") || key.equals("Task_ReviewSanctionsHit"))) {
            sanctionsComparison(task, id, kept.get());
        }
    }

    /** Why the case reached this group: the rules that referred it, and an escalation if there was one. */
    private void whyHere(DelegateTask task) {
        Object from = task.getExecution().getVariable(ProcessVariables.ESCALATED_FROM);
        task.setVariableLocal("escalated", from != null);
        String group = String.valueOf(task.getExecution().getVariable(ProcessVariables.APPROVAL_GROUP));
        String why =
                switch (task.getTaskDefinitionKey()) {
                    case "Task_ReviewApplication" ->
                        "The eligibility rules referred it and the approval table routes it to " + group
                                + (from != null ? "; escalated: " + from + " did not decide it in time" : "");
                    case "Task_ReviewFraudSignals" ->
                        "Fraud signals were found: a fraud analyst decides before eligibility";
                    case "Task_ReviewIdentity" -> "Sanctions screening found a possible match by name";
                    case "Task_ReviewSanctionsHit" -> "Confirmed sanctions match: report and record the action taken";
                    case "Task_ResolvePayoutFailure" -> "The payout was refused by the bank or the payment service";
                    default -> task.getName();
                };
        task.setVariableLocal("whyHere", why);
    }

    private void sanctionsComparison(DelegateTask task, String id, ApplicantPii pii) {
        SanctionsList.Screening s = identity.evidence(id);
        task.setVariableLocal("applicantFullName", pii.fullName());
        task.setVariableLocal("applicantBirthDate", pii.birthDate().toString());
        task.getCandidates().stream()
                .filter(link -> link.getGroupId() != null)
                .forEach(link ->
                        lookup.shownInForm(id, link.getGroupId(), task.getTaskDefinitionKey(), "fullName,birthDate"));
        task.setVariableLocal(
                "evidence",
                s.listId() == null
                        ? "no list entry above the threshold"
                        : s.outcome() == SanctionsList.Outcome.HIT
                                ? String.format("national ID listed in %s (%s)", s.listId(), s.source())
                                : String.format("%s (%s), name similarity %.2f", s.listId(), s.source(), s.score()));
        sanctions.entry(s.listId()).ifPresent(e -> {
            task.setVariableLocal("listNames", String.join(" / ", e.names()));
            task.setVariableLocal(
                    "listIdentity",
                    (e.nationalId().isEmpty()
                                    ? "no national ID listed"
                                    : "national ID " + Masking.nationalId(e.nationalId()))
                            + "; listed on " + e.listedOn() + " by " + e.source());
        });
    }

    private String worded(List<String> codes) {
        ReasonCatalogue catalogue = rules.catalogue();
        return codes.isEmpty()
                ? "none"
                : codes.stream()
                        .map(code -> catalogue.contains(code)
                                ? catalogue.get(code).en() + " / "
                                        + catalogue.get(code).zh() + " (" + code + ")"
                                : code)
                        .collect(Collectors.joining("; "));
    }

    private String related(List<LoanApplications.Related> others) {
        return others.isEmpty()
                ? "none"
                : others.stream()
                        .map(r -> r.id().substring(0, 8) + " " + r.status() + " "
                                + r.submittedAt().atZone(clock.getZone()).toLocalDate())
                        .collect(Collectors.joining(", "));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
