package io.originate.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are BigDecimal in fen precision; on the wire they are strings with two places. */
public final class Money {

    private Money() {}

    public static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal amount) {
        return fen(amount).toPlainString();
    }

    /** For people to read: thousands separated, two places ({@code 150,000.00}). */
    public static String display(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", fen(amount));
    }
}
