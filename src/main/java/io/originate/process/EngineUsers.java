package io.originate.process;

import io.originate.shared.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Staff sign in with the engine's own users (the accounts of Tasklist and Cockpit), for HTTP Basic
 * on the engine REST API, the staff API and the actuator. A user's groups become authorities
 * ({@code GROUP_underwriters}); members of a staff group also get {@code STAFF}.
 *
 * <p>Wrong passwords never lock an account (a stranger could lock anyone out, the administrator
 * included): they are counted per client address, and an address with too many failures is
 * answered 429 until its bucket refills, while the user signs in from anywhere else.
 */
@Component
public class EngineUsers implements AuthenticationProvider {

    public static final String STAFF = "STAFF";
    public static final String GROUP = "GROUP_";

    private final IdentityService identity;
    private final RateLimits limits;
    private final Set<String> staffGroups;

    public EngineUsers(IdentityService identity, RateLimits limits, StaffSettings settings) {
        this.identity = identity;
        this.limits = limits;
        this.staffGroups = Set.copyOf(settings.groups());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = RateLimits.clientKey(
                authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null);
        Optional<Duration> blocked = limits.exhausted(RateLimits.LOGIN_FAILURES_PER_ADDRESS, address);
        if (blocked.isPresent()) {
            throw new Throttled(blocked.get());
        }
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || !(password instanceof String p) || !identity.checkPassword(user, p)) {
            limits.spend(RateLimits.LOGIN_FAILURES_PER_ADDRESS, address);
            throw new BadCredentialsException("Wrong user or password");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(groups));
    }

    /** The authorities of a member of these groups: each group, and STAFF for a member of a staff group. */
    public List<GrantedAuthority> authorities(Collection<String> groups) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String group : groups) {
            authorities.add(new SimpleGrantedAuthority(GROUP + group));
        }
        if (groups.stream().anyMatch(staffGroups::contains)) {
            authorities.add(new SimpleGrantedAuthority(STAFF));
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many failed logins from this address: answered 429 with the time to wait. */
    public static final class Throttled extends AuthenticationException {
        private final Duration wait;

        Throttled(Duration wait) {
            super("Too many failed logins from this address");
            this.wait = wait;
        }

        public Duration retryAfter() {
            return wait;
        }
    }
}
