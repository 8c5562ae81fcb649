package io.originate.process;

import io.originate.shared.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' logins, seen by Spring Security. Tasklist, Cockpit and Admin keep their login in the
 * HTTP session (Camunda's own authentication filter, which also revalidates it); this filter makes
 * that login, with the groups it was made with, the request's authentication, so that the security
 * chain can require one for every webapp API outside the login itself. It also throttles failed webapp logins per client address, like HTTP Basic.
 */
public final class WebappSessions extends OncePerRequestFilter {

    /** Where Camunda's webapps keep their {@link Authentications} in the session. */
    static final String SESSION_KEY = "authenticatedUser";

    private final EngineUsers users;
    private final RateLimits limits;
    private final RequestMatcher login;
    private final String engine;

    public WebappSessions(EngineUsers users, RateLimits limits, RequestMatcher login, String engine) {
        this.users = users;
        this.limits = limits;
        this.login = login;
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SESSION_KEY) instanceof Authentications logins
                && logins.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user) {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            user.getName(), null, users.authorities(user.getGroupIds())));
        }
        if (!login.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = RateLimits.clientKey(request.getRemoteAddr());
        Optional<Duration> blocked = limits.exhausted(RateLimits.LOGIN_FAILURES_PER_ADDRESS, address);
        if (blocked.isPresent()) {
            response.setHeader("Retry-After", Long.toString(RateLimits.retryAfterSeconds(blocked.get())));
            response.sendError(429, "Too many failed logins from this address");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == 401) { // a wrong password (a refused CSRF token or app is not a guess)
            limits.spend(RateLimits.LOGIN_FAILURES_PER_ADDRESS, address);
        }
    }
}
