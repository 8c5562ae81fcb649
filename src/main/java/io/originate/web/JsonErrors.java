package io.originate.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.originate.shared.Refusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Describes a JSON binding failure by field path and kind, never by the offending value. */
final class JsonErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([A-Za-z0-9_]{1,64})'");

    private JsonErrors() {}

    static Refusal.FieldError describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new Refusal.FieldError(path(unknown), "unknown field: it cannot be set by the client");
        }
        if (cause instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                return new Refusal.FieldError(duplicate.group(1), "appears more than once");
            }
            return new Refusal.FieldError("body", "must be a well-formed JSON object");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return new Refusal.FieldError(path(mismatch), expected(mismatch.getTargetType()));
        }
        return new Refusal.FieldError("body", "must be a well-formed JSON object");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong JSON type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number (a JSON number without a fraction)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false (a JSON boolean, not text or a number)";
        }
        if (type == String.class) {
            return "must be a JSON string";
        }
        return "has the wrong JSON type";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
