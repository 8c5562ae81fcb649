package io.originate.web;

import io.originate.application.AccessTokens;
import io.originate.application.Applicant;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The applicant API's bearer tokens as a Spring Security authentication: the converter reads
 * {@code Authorization: Bearer <token>}, the provider turns a token into the {@link Applicant} of
 * the one application it was issued for, or refuses it. Which application the caller may reach is
 * the security chain's rule, matched on the normalised path.
 */
final class ApplicantTokens implements AuthenticationConverter, AuthenticationProvider {

    private final AccessTokens tokens;

    ApplicantTokens(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null; // no token: the request goes on anonymous, and a protected path answers 401
        }
        return new Token(header.substring(7).strip(), null);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = (String) authentication.getCredentials();
        return tokens.applicationFor(token)
                .map(id -> (Authentication) new Token(null, new Applicant(id)))
                .orElseThrow(() -> new BadCredentialsException("Unknown access token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Token.class.isAssignableFrom(authentication);
    }

    /** A presented token (not yet checked), or the applicant it was found to belong to. */
    static final class Token extends AbstractAuthenticationToken {
        private final String token;
        private final Applicant applicant;

        Token(String token, Applicant applicant) {
            super(applicant == null ? List.of() : AuthorityUtils.createAuthorityList("APPLICANT"));
            this.token = token;
            this.applicant = applicant;
            setAuthenticated(applicant != null);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return applicant;
        }

        @Override
        public String getName() {
            return applicant == null ? "" : applicant.applicationId();
        }
    }
}
