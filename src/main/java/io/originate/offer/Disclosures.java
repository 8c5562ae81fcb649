package io.originate.offer;

import io.originate.application.LoanApplication;
import io.originate.application.Products;
import io.originate.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full cost disclosure of a loan: the schedule by the product's repayment method, the APR on
 * the amount actually received, every fee and when it is paid, the total cost, and the lender's
 * standing terms (late payment, cooling-off, withdrawal, complaints, disputes, law).
 */
final class Disclosures {

    private Disclosures() {}

    static Disclosure of(
            LoanApplication a,
            Products.Product product,
            AgreementTerms terms,
            BigDecimal rate,
            BigDecimal fee,
            LocalDate start,
            Instant validUntil) {
        List<Schedule.Instalment> schedule = product.repayment() == Products.Repayment.EQUAL_PRINCIPAL
                ? Schedule.equalPrincipal(a.amount(), rate, a.termMonths(), start)
                : Schedule.equalInstalments(a.amount(), rate, a.termMonths(), start);
        BigDecimal total = Schedule.totalOf(schedule);
        BigDecimal financed = a.amount().subtract(fee);
        BigDecimal apr = Apr.of(
                financed, schedule.stream().map(Schedule.Instalment::payment).toList());
        BigDecimal interest = total.subtract(a.amount());
        AgreementTerms.Lender lender = terms.lender();
        AgreementTerms.Complaints complaints = terms.complaints();
        return new Disclosure(
                a.id(),
                a.productCode(),
                product.currency(),
                Money.format(a.amount()),
                Money.format(financed),
                a.termMonths(),
                product.repayment().name(),
                rate.setScale(4, RoundingMode.HALF_UP).toPlainString(),
                fee.signum() == 0
                        ? List.of()
                        : List.of(new Disclosure.Fee(
                                "ORIGINATION", "Origination fee, paid at signing", Money.format(fee), "AT_SIGNING")),
                apr.toPlainString(),
                Money.format(interest.add(fee)),
                Money.format(total),
                Money.format(schedule.get(0).payment()),
                schedule.stream()
                        .map(i -> new Disclosure.Line(
                                i.number(),
                                i.dueDate().toString(),
                                Money.format(i.payment()),
                                Money.format(i.principal()),
                                Money.format(i.interest()),
                                Money.format(i.balance())))
                        .toList(),
                validUntil.toString(),
                product.coolingOff().toString(),
                "You may withdraw at any time before the loan is paid out, without charge.",
                new Disclosure.Lender(lender.name(), lender.nameEn(), lender.registration(), lender.address()),
                rate.multiply(terms.overdueRateMultiplier())
                        .setScale(4, RoundingMode.HALF_UP)
                        .toPlainString(),
                "0.00",
                new Disclosure.Complaints(
                        complaints.hotline(), complaints.email(), complaints.inApp(), complaints.respondWithinDays()),
                terms.disputes(),
                terms.governingLaw());
    }
}
