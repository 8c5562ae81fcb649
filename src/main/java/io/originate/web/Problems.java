package io.originate.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.shared.RateLimits;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problem details (RFC 9457) written by the security filters, in the same shape as the API's own. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    static void tooManyRequests(HttpServletResponse response, Duration wait, String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(RateLimits.retryAfterSeconds(wait)));
        write(response, 429, "Too many requests", detail);
    }
}
