package io.originate.offer;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code originate.agreement.*}: who lends, how to complain, and the standing terms of every loan
 * agreement (overdue interest, disputes, governing law). They are part of each disclosure, so the
 * disclosure hash the borrower accepts covers them.
 *
 * @param overdueRateMultiplier overdue principal accrues interest at the contract rate times this
 *     (1.5: the contract rate plus half, common practice for 罚息)
 */
@ConfigurationProperties("originate.agreement")
record AgreementTerms(
        Lender lender, Complaints complaints, BigDecimal overdueRateMultiplier, String disputes, String governingLaw) {

    /** The lender as it signs: registered name (and an English one), unified social credit code, address. */
    public record Lender(String name, String nameEn, String registration, String address) {}

    /** Where a borrower complains and how soon the lender answers. */
    public record Complaints(String hotline, String email, String inApp, int respondWithinDays) {}
}
