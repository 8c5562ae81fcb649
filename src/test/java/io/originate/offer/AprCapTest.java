package io.originate.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.application.ApplicationStatus;
import io.originate.application.LoanApplication;
import io.originate.application.Products;
import io.originate.decision.PricingPolicy;
import io.originate.decision.PricingResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The APR cap holds for the exact rate, never for the rate rounded to four decimals: on a grid of
 * amounts, terms, rates and fees, a capped offer's exact APR is at most the cap, and one more fen of
 * fee would take it over.
 */
class AprCapTest {

    static final BigDecimal CAP = new BigDecimal("0.2400");
    static final LocalDate START = LocalDate.of(2026, 11, 25);
    static final Instant UNTIL = Instant.parse("2026-12-09T00:00:00Z");

    static LoanApplication application(String amount, int months) {
        return new LoanApplication(
                "app-cap",
                ApplicationStatus.APPROVED,
                "CONSUMER_INSTALLMENT",
                new BigDecimal(amount),
                months,
                "OTHER",
                "EMPLOYED",
                36,
                new BigDecimal("20000.00"),
                BigDecimal.ZERO,
                "n",
                "m",
                "d",
                "t",
                Instant.parse("2026-11-25T00:00:00Z"),
                null);
    }

    static List<BigDecimal> payments(Disclosure d) {
        return d.schedule().stream().map(l -> new BigDecimal(l.payment())).toList();
    }

    @Test
    void aCappedOfferNeverExceedsTheCapAndNoFenCouldBeAdded() {
        Products.Product product =
                new Products.Product("CNY", Period.ofDays(14), Period.ofDays(7), Duration.ZERO, null);
        int capped = 0;
        for (String amount : List.of("1000.00", "5000.00", "12345.67", "30000.00", "99999.99", "200000.00")) {
            for (int months : List.of(1, 3, 6, 12, 24, 36)) {
                for (String rate : List.of("0.1200", "0.1800", "0.2200", "0.2350")) {
                    for (String feeRate : List.of("0.0100", "0.0300", "0.0500")) {
                        LoanApplication a = application(amount, months);
                        PricingPolicy.Price price = new PricingPolicy.Price(
                                new BigDecimal(rate), new BigDecimal(feeRate), CAP, PricingResult.OnCap.CUT_FEE, "t");
                        BigDecimal tableFee = a.amount()
                                .multiply(new BigDecimal(feeRate))
                                .setScale(2, java.math.RoundingMode.HALF_UP);
                        Optional<Disclosure> offer = OfferPricing.withinCap(
                                a, product, AgreementDocumentTest.TERMS, price, tableFee, START, UNTIL);
                        String where = amount + " over " + months + " at " + rate + ", fee rate " + feeRate;
                        assertThat(offer).as(where).isPresent();
                        Disclosure d = offer.get();
                        BigDecimal fee = a.amount().subtract(new BigDecimal(d.amountFinanced()));
                        assertThat(Apr.withinCap(new BigDecimal(d.amountFinanced()), payments(d), CAP))
                                .as(where)
                                .isTrue();
                        if (fee.compareTo(tableFee) < 0) {
                            capped++;
                            BigDecimal oneFenMore = new BigDecimal(d.amountFinanced()).subtract(new BigDecimal("0.01"));
                            assertThat(Apr.withinCap(oneFenMore, payments(d), CAP))
                                    .as("one more fen of fee on " + where)
                                    .isFalse();
                        }
                    }
                }
            }
        }
        assertThat(capped).as("the grid reaches the cap").isGreaterThan(20);
    }

    @Test
    void theExactTestAgreesWithTheSolvedRateAwayFromTheBoundary() {
        List<BigDecimal> payments = List.of(new BigDecimal("10100.00"));
        // one month, 10,000 financed, 10,100 repaid: exactly 12% a year
        assertThat(Apr.withinCap(new BigDecimal("10000.00"), payments, new BigDecimal("0.1200")))
                .isTrue();
        assertThat(Apr.withinCap(new BigDecimal("9999.99"), payments, new BigDecimal("0.1200")))
                .isFalse();
        assertThat(Apr.of(new BigDecimal("10000.00"), payments)).isEqualByComparingTo("0.1200");
    }

    @Test
    void whereTheInterestAloneExceedsTheCapThereIsNoOffer() {
        Products.Product product =
                new Products.Product("CNY", Period.ofDays(14), Period.ofDays(7), Duration.ZERO, null);
        PricingPolicy.Price price = new PricingPolicy.Price(
                new BigDecimal("0.2500"), new BigDecimal("0.0100"), CAP, PricingResult.OnCap.CUT_FEE, "t");
        assertThat(OfferPricing.withinCap(
                        application("30000.00", 12),
                        product,
                        AgreementDocumentTest.TERMS,
                        price,
                        new BigDecimal("300.00"),
                        START,
                        UNTIL))
                .isEmpty();
    }
}
