package io.originate.web;

import io.originate.shared.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits per client address: each request a matcher selects takes one use of its limit, keyed by
 * the client's address (the connection's peer, or the X-Forwarded-For of a configured proxy only).
 * Over the limit: 429 with Retry-After, before anything is read or written.
 */
final class ClientRateLimit extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Map<RequestMatcher, String> limited;

    ClientRateLimit(RateLimits limits, Map<RequestMatcher, String> limited) {
        this.limits = limits;
        this.limited = Map.copyOf(limited);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<RequestMatcher, String> e : limited.entrySet()) {
            if (e.getKey().matches(request)) {
                Optional<Duration> wait =
                        limits.tryConsume(e.getValue(), RateLimits.clientKey(request.getRemoteAddr()));
                if (wait.isPresent()) {
                    Problems.tooManyRequests(
                            response, wait.get(), "Too many requests from this address; try again later");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
