package io.originate.application;

import io.originate.shared.Hashing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Per-application bearer secrets: 256 random bits, shown once; only their SHA-256 is stored. The
 * applicant API's security chain resolves a presented token to the one application it grants.
 */
@Component
public class AccessTokens {

    private final SecureRandom random = new SecureRandom();
    private final LoanApplications applications;

    public AccessTokens(LoanApplications applications) {
        this.applications = applications;
    }

    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Hashing.sha256Hex(token);
    }

    /** The id of the application this token was issued for, if any. */
    public Optional<String> applicationFor(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        return applications.idByTokenHash(hash(token.strip()));
    }
}
