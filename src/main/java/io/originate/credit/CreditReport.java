package io.originate.credit;

import java.math.BigDecimal;

/** What a credit bureau says of a person. {@code hasFile} is false when the bureau knows nothing. */
public record CreditReport(
        boolean hasFile,
        int score,
        int openAccounts,
        BigDecimal monthlyObligations,
        int delinquencies12m,
        int inquiries6m,
        boolean bankruptcy,
        int fileAgeMonths) {

    public static CreditReport noFile() {
        return new CreditReport(false, 0, 0, BigDecimal.ZERO, 0, 0, false, 0);
    }

    /** A file too young or too small to score with confidence. */
    public boolean thinFile() {
        return hasFile && (fileAgeMonths < 6 || openAccounts < 2);
    }
}
