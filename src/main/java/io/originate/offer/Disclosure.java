package io.originate.offer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The full cost disclosure of an offer and the terms of its agreement, exactly as shown and hashed:
 * everything the agreement PDF states but the borrower's own identity. Money is a string with two
 * places, rates strings with four; {@code monthlyPayment} is the first instalment (all but the last
 * are equal with equal instalments); periods are ISO-8601. The hash is SHA-256 of the canonical
 * JSON of this record (keys in alphabetical order, no white space, UTF-8).
 */
@JsonIgnoreProperties(ignoreUnknown = true) // offers stored before a field was dropped stay readable
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
        Lender lender,
        String overdueAnnualRate,
        String earlyRepaymentFee,
        Complaints complaintChannels,
        String disputes,
        String governingLaw) {

    /** A fee: {@code due} says when it is paid (AT_SIGNING: collected when the agreement is signed). */
    public record Fee(String code, String description, String amount, String due) {}

    public record Lender(String name, String nameEn, String registration, String address) {}

    public record Complaints(String hotline, String email, String inApp, int respondWithinDays) {}

    public record Line(int number, String dueDate, String payment, String principal, String interest, String balance) {}
}
