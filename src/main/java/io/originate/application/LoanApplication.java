package io.originate.application;

import java.math.BigDecimal;
import java.time.Instant;

/** One application as stored, without its personal data (that lives in the PII vault). */
public record LoanApplication(
        String id,
        ApplicationStatus status,
        String productCode,
        BigDecimal amount,
        int termMonths,
        String purpose,
        String employmentStatus,
        int employmentMonths,
        BigDecimal monthlyIncome,
        BigDecimal monthlyDebtPayments,
        String nationalIdIndex,
        String mobileIndex,
        String deviceIndex,
        String accessTokenHash,
        Instant submittedAt,
        Instant phoneVerifiedAt) {

    /** This application with other terms: what a counter-offer approves instead of what was asked. */
    public LoanApplication withTerms(BigDecimal otherAmount, int otherTermMonths) {
        return new LoanApplication(
                id,
                status,
                productCode,
                otherAmount,
                otherTermMonths,
                purpose,
                employmentStatus,
                employmentMonths,
                monthlyIncome,
                monthlyDebtPayments,
                nationalIdIndex,
                mobileIndex,
                deviceIndex,
                accessTokenHash,
                submittedAt,
                phoneVerifiedAt);
    }
}
