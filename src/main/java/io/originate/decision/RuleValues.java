package io.originate.decision;

import java.math.BigDecimal;

/** Values the rules hand over as cell text, read strictly and explained when wrong. */
final class RuleValues {

    private RuleValues() {}

    static BigDecimal decimal(String cell, String what) {
        String text = cell == null ? "" : cell.strip();
        if (!text.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("The " + what + " cell holds '" + text
                    + "', which is not a plain number (write 0.0720 or 100000, without separators or %)");
        }
        return new BigDecimal(text);
    }
}
