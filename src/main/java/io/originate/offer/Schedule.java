package io.originate.offer;

import io.originate.shared.Annuity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal monthly instalments (等额本息). Rounding rule: each month's interest is the balance times
 * the monthly rate, rounded half-up to the fen; every instalment but the last is the level
 * payment; the last repays the remaining balance with its interest, so that the principal repaid
 * equals the principal lent exactly.
 */
final class Schedule {

    public record Instalment(
            int number,
            LocalDate dueDate,
            BigDecimal payment,
            BigDecimal principal,
            BigDecimal interest,
            BigDecimal balance) {}

    private Schedule() {}

    public static List<Instalment> equalInstalments(
            BigDecimal principal, BigDecimal annualRate, int months, LocalDate start) {
        BigDecimal monthlyRate = annualRate.divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
        BigDecimal level = Annuity.monthlyPayment(principal, annualRate, months);
        BigDecimal balance = principal;
        List<Instalment> out = new ArrayList<>(months);
        for (int k = 1; k <= months; k++) {
            BigDecimal interest = balance.multiply(monthlyRate).setScale(2, RoundingMode.HALF_UP);
            BigDecimal principalPart =
                    k == months ? balance : level.subtract(interest).min(balance);
            BigDecimal payment = principalPart.add(interest);
            balance = balance.subtract(principalPart);
            out.add(new Instalment(k, start.plusMonths(k), payment, principalPart, interest, balance));
        }
        return out;
    }

    /**
     * Equal principal (等额本金): each month repays the principal divided by the term, rounded
     * half-up to the fen, plus the month's interest on the balance; the last repays what remains.
     */
    public static List<Instalment> equalPrincipal(
            BigDecimal principal, BigDecimal annualRate, int months, LocalDate start) {
        BigDecimal monthlyRate = annualRate.divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
        BigDecimal part = principal.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
        BigDecimal balance = principal;
        List<Instalment> out = new ArrayList<>(months);
        for (int k = 1; k <= months; k++) {
            BigDecimal interest = balance.multiply(monthlyRate).setScale(2, RoundingMode.HALF_UP);
            BigDecimal principalPart = k == months ? balance : part.min(balance);
            balance = balance.subtract(principalPart);
            out.add(new Instalment(
                    k, start.plusMonths(k), principalPart.add(interest), principalPart, interest, balance));
        }
        return out;
    }

    public static BigDecimal totalOf(List<Instalment> schedule) {
        return schedule.stream().map(Instalment::payment).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
