package io.originate.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The level monthly payment of an amortizing loan (equal instalments, 等额本息). */
public final class Annuity {

    private Annuity() {}

    /** Payment to the fen, rounded half-up, for a nominal annual rate compounded monthly. */
    public static BigDecimal monthlyPayment(BigDecimal principal, BigDecimal annualRate, int months) {
        if (annualRate.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
        }
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), mc);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(months, mc);
        return principal.multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), 2, RoundingMode.HALF_UP);
    }
}
