package io.originate.rules;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled table: its name (file name without suffix), content hash, knowledge base, the facts it
 * reads and the result it fills (both as its spreadsheet declares them, in {@code Import} and
 * {@code Variables}), and for each rule the spreadsheet row it came from and its actions.
 */
record DecisionTable(
        String name,
        String hash,
        KieBase base,
        List<Class<? extends Record>> facts,
        Class<?> result,
        Map<String, Rule> rules) {

    static final String SUFFIX = ".drl.xlsx";

    /** One rule of a table: its name, the spreadsheet row it was read from, and its actions. */
    record Rule(String name, int row, String actions) {

        String describe() {
            return "row " + row + " (" + name + ")";
        }
    }

    String file() {
        return "rules/" + name + SUFFIX;
    }

    /** A new instance of the table's result, for one evaluation. */
    Object newResult() {
        try {
            return result.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new RuleTableException(
                    file() + ": its result " + result.getSimpleName() + " cannot be created without arguments", e);
        }
    }
}
