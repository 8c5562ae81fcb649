package io.originate.shared;

import java.time.Duration;
import java.util.List;

/**
 * A request the business refuses, and why, in words the caller can act on (never personal data).
 * The kind says what sort of refusal it is; the web edge answers each kind with its status, and
 * a job that meets one treats it as the business outcome it is.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** The request's fields are missing or malformed; {@link #errors()} lists each. */
        INVALID,
        /** There is no such thing, or the caller may not know whether there is. */
        NOT_FOUND,
        /** The thing is in a state that does not allow this now. */
        CONFLICT,
        /** Well formed, but turned down (a wrong code). */
        REJECTED,
        /** Too many attempts: try again after {@link #retryAfter()}. */
        LIMITED,
        /** A service behind it cannot answer now: try again after {@link #retryAfter()}. */
        UNAVAILABLE,
        /** It existed and is closed for good. */
        GONE
    }

    /** One field's problem: which field, and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final Kind kind;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    private Refusal(Kind kind, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static Refusal invalid(List<FieldError> errors) {
        return new Refusal(Kind.INVALID, errors.size() + " field(s) are missing or malformed", errors, null);
    }

    public static Refusal invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** A malformed request that is not about one body field (a header, the body as a whole). */
    public static Refusal malformed(String detail) {
        return new Refusal(Kind.INVALID, detail, List.of(), null);
    }

    public static Refusal notFound() {
        return new Refusal(Kind.NOT_FOUND, "No such resource", List.of(), null);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, detail, List.of(), null);
    }

    public static Refusal rejected(String detail) {
        return new Refusal(Kind.REJECTED, detail, List.of(), null);
    }

    public static Refusal limited(String detail, Duration retryAfter) {
        return new Refusal(Kind.LIMITED, detail, List.of(), retryAfter);
    }

    public static Refusal unavailable(String detail, Duration retryAfter) {
        return new Refusal(Kind.UNAVAILABLE, detail, List.of(), retryAfter);
    }

    public static Refusal gone(String detail) {
        return new Refusal(Kind.GONE, detail, List.of(), null);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When to try again, for LIMITED and UNAVAILABLE; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
