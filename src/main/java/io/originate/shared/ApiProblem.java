package io.originate.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, answered as {@code application/problem+json}. The detail never
 * carries personal data.
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {}

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of(), null);
    }

    private ApiProblem(
            HttpStatus status, String title, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                errors.size() + " field(s) are missing or malformed",
                errors,
                null);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "No such resource");
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request", detail);
    }

    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, List.of(), retryAfterSeconds);
    }

    public static ApiProblem unavailable(String detail, long retryAfterSeconds) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, List.of(), retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
