package io.originate.decision;

import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.credit.CreditAssessment;
import io.originate.credit.CreditAssessments;
import io.originate.decisionlog.DecisionRecords;
import io.originate.privacy.PiiVault;
import io.originate.process.Outcomes;
import io.originate.rules.RuleBook;
import io.originate.rules.RuleTableException;
import io.originate.shared.Annuity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides eligibility with the eligibility table, records it, and names who must approve. */
@Service
public class EligibilityDecision {

    public static final String TABLE = "eligibility";

    /** The decision; {@code reviewDue} is when the staff review escalates, null when none is needed. */
    public record Outcome(
            Outcomes.Eligibility outcome,
            List<String> reasons,
            String approvalGroup,
            String recordId,
            Instant reviewDue) {}

    private final LoanApplications applications;
    private final CreditAssessments credit;
    private final PiiVault vault;
    private final RuleBook rules;
    private final DecisionRecords records;
    private final AuditTrail audit;
    private final ApprovalRouting routing;
    private final PricingPolicy pricing;
    private final Scoring scoring;
    private final Clock clock;

    EligibilityDecision(
            LoanApplications applications,
            CreditAssessments credit,
            PiiVault vault,
            RuleBook rules,
            DecisionRecords records,
            AuditTrail audit,
            ApprovalRouting routing,
            PricingPolicy pricing,
            Scoring scoring,
            Clock clock) {
        this.scoring = scoring;
        this.routing = routing;
        this.pricing = pricing;
        this.clock = clock;
        this.applications = applications;
        this.credit = credit;
        this.vault = vault;
        this.rules = rules;
        this.records = records;
        this.audit = audit;
    }

    @Transactional
    public Outcome decide(String applicationId) {
        LoanApplication a = applications.get(applicationId);
        CreditAssessment c = credit.find(applicationId)
                .orElseThrow(() -> new IllegalStateException("Credit not assessed for " + applicationId));
        boolean fraudCleared = records.latest(applicationId, "FRAUD_REVIEW")
                .map(r -> r.outcome().equals(Outcomes.Finding.CLEARED.name()))
                .orElse(false);
        int fraudSignals = fraudCleared ? 0 : c.fraudSignals().size();
        LocalDate birthDate = vault.read(applicationId).birthDate();
        Scoring.Score score = scoring.score(a, c.report(), credit.age(birthDate));
        EligibilityInput input = input(a, c, score.grade(), birthDate, fraudSignals);
        RuleBook.Evaluated<EligibilityResult> evaluated = rules.run(TABLE, input, new EligibilityResult());
        EligibilityResult result = evaluated.result();
        // the reasons are the rows that decided; the scorecard's explain the grade, in its own record
        List<String> reasons = result.reasons(rules.catalogue());
        String id = records.record(
                applicationId,
                "ELIGIBILITY",
                result.outcome().name(),
                reasons,
                Map.of("facts", input),
                evaluated.tableHash());
        String group = ApprovalAuthority.AUTOMATIC;
        if (result.outcome() != Outcomes.Eligibility.DECLINE) {
            ApprovalInput approval =
                    new ApprovalInput(result.outcome().name(), a.amount(), score.grade(), fraudSignals);
            ApprovalRouting.Routed routed = routing.level(approval);
            group = routed.level();
            records.record(applicationId, "APPROVAL", group, List.of(), Map.of("facts", approval), routed.tableHash());
        }
        audit.append(
                applicationId,
                "ELIGIBILITY_DECIDED",
                "Eligibility " + result.outcome() + (reasons.isEmpty() ? "" : " " + shown(reasons)) + " by table "
                        + TABLE + " version " + evaluated.tableHash().substring(0, 12));
        Instant reviewDue = group.equals(ApprovalAuthority.AUTOMATIC)
                ? null
                : clock.instant().plus(routing.authority(group).escalateAfter());
        return new Outcome(result.outcome(), reasons, group, id, reviewDue);
    }

    /**
     * Why the eligibility rules would decline this application on other terms (a counter-offer's
     * amount and term), nothing recorded; empty when they allow it. Terms the pricing table cannot
     * price are outside the product's limits.
     */
    @Transactional(readOnly = true)
    public List<String> declinesOn(String applicationId, BigDecimal amount, int termMonths) {
        LoanApplication a = applications.get(applicationId).withTerms(amount, termMonths);
        CreditAssessment c = credit.find(applicationId)
                .orElseThrow(() -> new IllegalStateException("Credit not assessed for " + applicationId));
        String grade = records.latest(applicationId, "SCORE")
                .orElseThrow(() -> new IllegalStateException("Application " + applicationId + " has not been scored"))
                .outcome();
        LocalDate birthDate = vault.read(applicationId).birthDate();
        EligibilityInput input;
        try {
            input = input(a, c, grade, birthDate, 0);
        } catch (RuleTableException noPrice) {
            return List.of("PRODUCT_LIMITS");
        }
        EligibilityResult result =
                rules.run(TABLE, input, new EligibilityResult()).result();
        return result.outcome() == Outcomes.Eligibility.DECLINE ? result.reasons(rules.catalogue()) : List.of();
    }

    /** The reasons as the applicant, who reads the trail, may see them. */
    private List<String> shown(List<String> reasons) {
        return reasons.stream()
                .map(r -> rules.catalogue().get(r).shownToApplicant())
                .distinct()
                .toList();
    }

    /** The table's facts; fraud signals that a fraud analyst cleared no longer count. */
    EligibilityInput input(LoanApplication a, CreditAssessment c, String grade, LocalDate birthDate, int fraudSignals) {
        int age = credit.age(birthDate);
        LocalDate maturity = LocalDate.now(clock).plusMonths(a.termMonths());
        int ageAtMaturity = Period.between(birthDate, maturity).getYears();
        BigDecimal rate = pricing.price(a.productCode(), grade, a.termMonths()).annualRate();
        BigDecimal newPayment = Annuity.monthlyPayment(a.amount(), rate, a.termMonths());
        BigDecimal obligations = a.monthlyDebtPayments().max(c.report().monthlyObligations());
        BigDecimal dti = a.monthlyIncome().signum() == 0
                ? new BigDecimal("99")
                : obligations.add(newPayment).divide(a.monthlyIncome(), 4, RoundingMode.HALF_UP);
        return new EligibilityInput(
                a.productCode(),
                a.amount(),
                a.termMonths(),
                age,
                ageAtMaturity,
                a.employmentStatus(),
                a.employmentMonths(),
                a.monthlyIncome(),
                dti,
                c.report().hasFile(),
                c.report().score(),
                c.report().bankruptcy(),
                c.report().delinquencies12m(),
                c.report().inquiries6m(),
                fraudSignals,
                grade);
    }
}
