package io.originate.decision;

import java.math.BigDecimal;
import java.util.Map;

/** Nominal annual rate by risk grade, and the APR cap a product may not exceed. */
public final class Pricing {

    public static final BigDecimal APR_CAP = new BigDecimal("0.2400");

    private static final Map<String, BigDecimal> RATE_BY_GRADE = Map.of(
            "A", new BigDecimal("0.0720"),
            "B", new BigDecimal("0.1080"),
            "C", new BigDecimal("0.1440"),
            "D", new BigDecimal("0.1800"),
            "E", new BigDecimal("0.2160"));

    private Pricing() {}

    public static BigDecimal annualRate(String riskGrade) {
        BigDecimal rate = RATE_BY_GRADE.get(riskGrade);
        if (rate == null) {
            throw new IllegalArgumentException("No rate for risk grade " + riskGrade);
        }
        return rate;
    }
}
