package io.originate.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A points-based application scorecard. Each characteristic falls into one bin that earns points;
 * the total maps to a risk grade. The reasons are the characteristics that lost the most points
 * against their best bin, most points lost first: they explain a low grade.
 *
 * <p>Scaling: 20 points double the odds of repaying (PDO 20); 120 points stand at odds of 30:1.
 */
public final class Scorecard {

    public record Result(int points, String grade, List<String> reasons) {}

    private record Characteristic(String reason, int points, int best) {}

    private Scorecard() {}

    public static Result score(
            CreditReport report, BigDecimal monthlyIncome, BigDecimal existingDebt, int employmentMonths, int age) {
        List<Characteristic> c = new ArrayList<>();
        c.add(new Characteristic("CREDIT_SCORE", bureauPoints(report), 80));
        c.add(new Characteristic("EXCESSIVE_OBLIGATIONS", debtPoints(report, monthlyIncome, existingDebt), 30));
        c.add(new Characteristic(
                "LENGTH_OF_EMPLOYMENT", employmentMonths < 6 ? 0 : employmentMonths < 24 ? 10 : 20, 20));
        c.add(new Characteristic("AGE", age < 25 ? 5 : age <= 55 ? 15 : 10, 15));
        int total = c.stream().mapToInt(Characteristic::points).sum();
        List<String> reasons = c.stream()
                .filter(x -> x.best() - x.points() >= 10)
                .sorted(Comparator.comparingInt((Characteristic x) -> x.points() - x.best()))
                .map(Characteristic::reason)
                .limit(4)
                .toList();
        return new Result(total, grade(total), reasons);
    }

    static String grade(int points) {
        if (points >= 150) return "A";
        if (points >= 120) return "B";
        if (points >= 95) return "C";
        if (points >= 70) return "D";
        return "E";
    }

    private static int bureauPoints(CreditReport r) {
        if (!r.hasFile() || r.thinFile()) {
            return 25;
        }
        int s = r.score();
        return s < 580 ? 0 : s < 650 ? 20 : s < 700 ? 40 : s < 750 ? 60 : 80;
    }

    private static int debtPoints(CreditReport r, BigDecimal income, BigDecimal declared) {
        if (income.signum() <= 0) {
            return 0;
        }
        BigDecimal debt = declared.max(r.monthlyObligations());
        double ratio = debt.divide(income, 4, RoundingMode.HALF_UP).doubleValue();
        return ratio < 0.20 ? 30 : ratio < 0.35 ? 20 : ratio < 0.50 ? 10 : 0;
    }
}
