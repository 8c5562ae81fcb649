package io.originate.offer;

import java.util.List;

/**
 * The full cost disclosure of an offer, exactly as shown and hashed. Money is a string with two
 * places, rates strings with four; {@code monthlyPayment} is the first instalment (all but the last
 * are equal with equal instalments). The hash is SHA-256 of the canonical JSON of this record (keys
 * in alphabetical order, no white space, UTF-8).
 */
public record Disclosure(
        String applicationId,
        String productCode,
        String currency,
        String principal,
        String amountFinanced,
        int termMonths,
        String repayment,
        String annualInterestRate,
        List<Fee> fees,
        String apr,
        String financeCharge,
        String totalOfPayments,
        String monthlyPayment,
        List<Line> schedule,
        String validUntil,
        String coolingOffPeriod,
        String rightToWithdraw,
        String complaints) {

    public record Fee(String code, String description, String amount) {}

    public record Line(int number, String dueDate, String payment, String principal, String interest, String balance) {}
}
