package io.originate.process;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/v1/staff/**} answers only to staff: HTTP Basic against the engine's users (the same
 * accounts as Tasklist), and membership of one of the staff groups.
 */
@Component
public class StaffApiAuthentication extends OncePerRequestFilter {

    public static final String STAFF_USER = "originate.staffUser";

    private final IdentityService identity;
    private final List<String> groups;

    public StaffApiAuthentication(
            IdentityService identity,
            @Value("${originate.staff.groups:kyc-analysts,fraud-analysts,underwriters,senior-underwriters,"
                            + "credit-committee,operations,compliance,camunda-admin}")
                    List<String> groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/staff/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = authenticate(request.getHeader("Authorization"));
        if (user == null) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"originate-staff\", charset=\"UTF-8\"");
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"Staff credentials are required\"}");
            return;
        }
        request.setAttribute(STAFF_USER, user);
        chain.doFilter(request, response);
    }

    private String authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        if (!identity.checkPassword(user, decoded.substring(colon + 1))) {
            return null;
        }
        boolean staff = identity.createGroupQuery()
                        .groupMember(user)
                        .groupIdIn(groups.toArray(String[]::new))
                        .count()
                > 0;
        return staff ? user : null;
    }
}
