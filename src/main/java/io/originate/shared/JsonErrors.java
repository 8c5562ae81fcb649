package io.originate.shared;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Describes a JSON binding failure by field path and kind, never by the offending value. */
final class JsonErrors {

    private JsonErrors() {}

    static ApiProblem.FieldError describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new ApiProblem.FieldError(path(unknown), "unknown field: it cannot be set by the client");
        }
        if (cause instanceof InvalidFormatException format) {
            return new ApiProblem.FieldError(
                    path(format), "must be a valid " + format.getTargetType().getSimpleName());
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return new ApiProblem.FieldError(path(mismatch), "has the wrong JSON type");
        }
        return new ApiProblem.FieldError("body", "must be a well-formed JSON object");
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
