package io.originate.shared;

/**
 * What free text from a client may hold: no control characters (line breaks only where the text is
 * multi-line), no invisible formatting characters except the joiners some scripts need, and no
 * half of a surrogate pair (which would be stored as "?").
 */
public final class Text {

    private Text() {}

    /** Why this text cannot be accepted, or null when it can. */
    public static String problem(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "holds an incomplete character (a lone surrogate)";
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return "must not hold control characters";
            }
            if (type == Character.FORMAT && c != '\u200C' && c != '\u200D') {
                return "must not hold invisible formatting characters";
            }
        }
        return null;
    }

    /** Whether the text holds at least one letter (a name of only marks or spaces is no name). */
    public static boolean hasLetter(String value) {
        return value.codePoints().anyMatch(Character::isLetter);
    }
}
