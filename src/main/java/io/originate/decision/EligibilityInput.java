package io.originate.decision;

import java.math.BigDecimal;

/** The facts the eligibility table sees. No personal data: age, not birth date; ratios, not names. */
public record EligibilityInput(
        String productCode,
        BigDecimal amount,
        int termMonths,
        int age,
        int ageAtMaturity,
        String employmentStatus,
        int employmentMonths,
        BigDecimal monthlyIncome,
        BigDecimal debtToIncome,
        boolean creditFile,
        int bureauScore,
        boolean bankruptcy,
        int delinquencies12m,
        int inquiries6m,
        int fraudSignals,
        String riskGrade) {}
