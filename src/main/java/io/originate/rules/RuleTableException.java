package io.originate.rules;

/**
 * A decision table (or its scenarios, or the reason catalogue) that cannot be used as it stands:
 * it does not compile, names an unknown reason, gives no answer for an input it must answer, or
 * fails while it runs. The message names the file and, where known, the spreadsheet row.
 */
public class RuleTableException extends RuntimeException {

    public RuleTableException(String message) {
        super(message);
    }

    public RuleTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
