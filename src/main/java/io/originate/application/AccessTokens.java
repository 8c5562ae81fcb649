package io.originate.application;

import io.originate.shared.ApiProblem;
import io.originate.shared.Hashing;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-application bearer secrets. Only the SHA-256 of a token is stored; a missing token is 401,
 * a token of another application or an unknown id is 404, so that no id can be probed.
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

    /** The application the Authorization header grants access to, or the problem to answer. */
    public LoanApplication authorize(String applicationId, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "An Authorization: Bearer <accessToken> header is required");
        }
        String token = authorization.substring(7).strip();
        LoanApplication application = applicationId == null || applicationId.length() > 36
                ? null
                : applications.find(applicationId).orElse(null);
        // hash either way, so that a missing id and a wrong token take the same time
        String presented = hash(token);
        if (application == null || !Hashing.same(presented, application.accessTokenHash())) {
            throw ApiProblem.notFound();
        }
        return application;
    }
}
