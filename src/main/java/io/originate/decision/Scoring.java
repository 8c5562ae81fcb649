package io.originate.decision;

import io.originate.application.LoanApplication;
import io.originate.credit.CreditReport;
import io.originate.decisionlog.DecisionRecords;
import io.originate.rules.RuleBook;
import io.originate.rules.RuleTableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Scores an application with the scorecard table and records the score, its bins and reasons. */
@Component
class Scoring {

    public static final String TABLE = "scorecard";

    public record Score(int points, String grade, List<String> reasons) {}

    private final RuleBook rules;
    private final DecisionRecords records;

    Scoring(RuleBook rules, DecisionRecords records) {
        this.rules = rules;
        this.records = records;
    }

    public Score score(LoanApplication a, CreditReport report, int age) {
        ScorecardInput input = new ScorecardInput(
                report.hasFile(),
                report.thinFile(),
                report.score(),
                existingDebtToIncome(a, report),
                a.employmentMonths(),
                age);
        RuleBook.Evaluated<ScorecardResult> evaluated = rules.run(TABLE, input, new ScorecardResult());
        ScorecardResult card = evaluated.result();
        List<String> characteristics = card.characteristics();
        if (characteristics.isEmpty()
                || characteristics.size() != characteristics.stream().distinct().count()) {
            throw new RuleTableException("rules/scorecard.drl.xlsx must put " + input + " in exactly one bin of each"
                    + " characteristic, but the matching bins were " + card.bins() + " (an overlap of two bins?)");
        }
        String grade = rules.evaluate(TABLE, new GradeQuery(card.total()), new ScorecardResult())
                .grade();
        if (grade == null) {
            throw new RuleTableException(
                    "The Grades table of rules/scorecard.drl.xlsx has no grade for " + card.total());
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("facts", input);
        inputs.put("bins", card.bins());
        inputs.put("points", card.total());
        records.record(a.id(), "SCORE", grade, card.reasons(rules.catalogue()), inputs, evaluated.tableHash());
        return new Score(card.total(), grade, card.reasons(rules.catalogue()));
    }

    /** Existing obligations (declared or on the bureau file, whichever is higher) over monthly income. */
    static BigDecimal existingDebtToIncome(LoanApplication a, CreditReport report) {
        if (a.monthlyIncome().signum() <= 0) {
            return new BigDecimal("99");
        }
        return a.monthlyDebtPayments()
                .max(report.monthlyObligations())
                .divide(a.monthlyIncome(), 4, RoundingMode.HALF_UP);
    }
}
