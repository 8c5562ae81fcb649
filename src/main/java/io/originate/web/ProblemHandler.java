package io.originate.web;

import io.originate.shared.RateLimits;
import io.originate.shared.Refusal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the HTTP API into RFC 9457 problem details, in one place: the business's
 * {@link Refusal}s by their kind, Spring MVC's own failures as its base class answers them, and
 * anything unexpected as a 500 that reveals nothing. Messages of parsing errors are rewritten so
 * that no submitted value (a national ID, a name) is ever echoed back.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case GONE -> HttpStatus.GONE;
        };
    }

    private static String title(Refusal r) {
        return switch (r.kind()) {
            case INVALID -> r.errors().isEmpty() ? "Bad request" : "Invalid request";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case REJECTED -> "Unprocessable request";
            case LIMITED -> "Too many requests";
            case UNAVAILABLE -> "Service unavailable";
            case GONE -> "Gone";
        };
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal r) {
        HttpStatus status = status(r.kind());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, r.getMessage());
        body.setTitle(title(r));
        if (!r.errors().isEmpty()) {
            body.setProperty("errors", r.errors());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (r.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(RateLimits.retryAfterSeconds(r.retryAfter())));
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, Object errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Integer limit = BodySizeLimitFilter.tooLarge(e);
        if (limit != null) {
            // a body without a declared length found too large while it was being read
            return problem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Payload too large",
                    "The request body is larger than " + limit + " bytes",
                    null);
        }
        Refusal invalid = Refusal.invalid(List.of(JsonErrors.describe(e)));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", invalid.getMessage(), invalid.errors());
    }

    /** A header or parameter the firewall refuses (non-printable, not UTF-8), found when the app reads it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return refusal(Refusal.malformed("A header or parameter holds characters that are not allowed"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return refusal(Refusal.malformed("The " + e.getHeaderName() + " header is required"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed", null);
    }
}
