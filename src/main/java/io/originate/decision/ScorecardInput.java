package io.originate.decision;

import java.math.BigDecimal;

/** The characteristics the scorecard reads: bureau data and the application, no personal data. */
public record ScorecardInput(
        boolean hasFile,
        boolean thinFile,
        int bureauScore,
        BigDecimal existingDebtToIncome,
        int employmentMonths,
        int age) {}
