package io.originate.offer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Annual percentage rate by the actuarial method: the monthly rate i at which the scheduled
 * payments, discounted, equal the amount financed (principal minus fees paid at signing); APR =
 * 12 i, to four decimals. Newton's method from a good start, falling back to bisection on a
 * bracket whenever a step leaves it.
 */
final class Apr {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private Apr() {}

    /**
     * Whether the exact APR of these payments on this amount financed is at most the cap: the
     * payments discounted at the cap's monthly rate are worth no more than the amount financed
     * (the worth falls as the rate rises). Decided in exact decimals, not on the rounded APR.
     */
    public static boolean withinCap(BigDecimal amountFinanced, List<BigDecimal> payments, BigDecimal annualCap) {
        return presentValue(payments, annualCap).compareTo(amountFinanced) <= 0;
    }

    /**
     * The largest charge deducted from the principal, in fen, that keeps the exact APR within the
     * cap: the principal less what the payments are worth at the cap, rounded down to the fen.
     * Negative when even no charge keeps the loan within the cap.
     */
    public static BigDecimal largestChargeWithinCap(
            BigDecimal principal, List<BigDecimal> payments, BigDecimal annualCap) {
        return principal.subtract(presentValue(payments, annualCap)).setScale(2, RoundingMode.FLOOR);
    }

    /** The payments, one a month from the first month, discounted at an annual rate (monthly: rate / 12). */
    static BigDecimal presentValue(List<BigDecimal> payments, BigDecimal annualRate) {
        BigDecimal growth = BigDecimal.ONE.add(annualRate.divide(BigDecimal.valueOf(12), EXACT), EXACT);
        BigDecimal discount = BigDecimal.ONE;
        BigDecimal worth = BigDecimal.ZERO;
        for (BigDecimal payment : payments) {
            discount = discount.divide(growth, EXACT);
            worth = worth.add(payment.multiply(discount, EXACT), EXACT);
        }
        return worth;
    }

    public static BigDecimal of(BigDecimal amountFinanced, List<BigDecimal> payments) {
        double target = amountFinanced.doubleValue();
        double[] p = payments.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double total = 0;
        for (double x : p) {
            total += x;
        }
        if (target <= 0) {
            throw new IllegalArgumentException("Amount financed must be positive");
        }
        if (Math.abs(total - target) < 1e-9) {
            return BigDecimal.ZERO.setScale(4, RoundingMode.HALF_UP);
        }
        double lo = total > target ? 0 : -0.99;
        double hi = total > target ? 1.0 : 0;
        double i = Math.max(lo + 1e-9, Math.min(hi - 1e-9, 2 * (total - target) / (target * (p.length + 1))));
        for (int iter = 0; iter < 200; iter++) {
            double f = -target;
            double df = 0;
            double v = 1;
            for (int k = 0; k < p.length; k++) {
                v /= 1 + i;
                f += p[k] * v;
                df -= (k + 1) * p[k] * v / (1 + i);
            }
            if (Math.abs(f) < 1e-9) {
                break;
            }
            if (f > 0) {
                lo = i;
            } else {
                hi = i;
            }
            double next = df == 0 ? Double.NaN : i - f / df;
            i = Double.isNaN(next) || next <= lo || next >= hi ? (lo + hi) / 2 : next;
            if (hi - lo < 1e-15) {
                break;
            }
        }
        return BigDecimal.valueOf(i * 12).setScale(4, RoundingMode.HALF_UP);
    }
}
