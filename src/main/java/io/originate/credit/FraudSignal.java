package io.originate.credit;

/** The kinds of fraud signal, each with its severity. Any signal sends the application to a fraud analyst. */
public enum FraudSignal {
    VELOCITY_NATIONAL_ID_24H(Severity.MEDIUM, "the same national ID applied more than 3 times in 24 hours"),
    VELOCITY_NATIONAL_ID_7D(Severity.LOW, "the same national ID applied more than 5 times in 7 days"),
    VELOCITY_MOBILE_24H(Severity.MEDIUM, "the same mobile applied more than 3 times in 24 hours"),
    VELOCITY_MOBILE_7D(Severity.LOW, "the same mobile applied more than 5 times in 7 days"),
    VELOCITY_DEVICE_24H(Severity.MEDIUM, "the same device applied more than 5 times in 24 hours"),
    DEVICE_SHARED_BY_IDENTITIES(Severity.HIGH, "the device was used by more than 2 national IDs in 7 days"),
    MOBILE_SHARED_BY_IDENTITIES(Severity.HIGH, "the mobile was used with more than 1 national ID in 30 days");

    public enum Severity {
        LOW,
        MEDIUM,
        HIGH
    }

    private final Severity severity;
    private final String description;

    FraudSignal(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** For staff: code, severity and what it means. */
    public String explained() {
        return name() + " (" + severity + "): " + description;
    }
}
