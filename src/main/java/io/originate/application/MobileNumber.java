package io.originate.application;

/** A mainland China mobile number: 11 digits, starting 13-19. */
public final class MobileNumber {

    private MobileNumber() {}

    /** Null when valid, else what is wrong. */
    public static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "is required";
        }
        if (!raw.strip().matches("1[3-9]\\d{9}")) {
            return "must be an 11-digit mainland mobile number starting with 13 to 19";
        }
        return null;
    }
}
