package io.originate.signing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The adapter's access token: a JWT grant (RFC 7523) signed with the integration key's RSA key,
 * made over the validating client and cached until five minutes before it expires.
 */
final class DocuSignTokens {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private record Token(String value, Instant expires) {}

    private final DocuSignSettings settings;
    private final RSAPrivateKey privateKey;
    private final HttpClient oauth;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private volatile Token token;

    DocuSignTokens(DocuSignSettings settings, HttpClient oauth, Clock clock) {
        this.settings = settings;
        this.privateKey = readKey(Path.of(settings.privateKeyPath()));
        this.oauth = oauth;
        this.clock = clock;
    }

    /** A valid access token, from the cache or a new grant. */
    String accessToken() {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.expires().minus(REFRESH_BEFORE_EXPIRY))) {
            return current.value();
        }
        synchronized (this) {
            if (token != null && clock.instant().isBefore(token.expires().minus(REFRESH_BEFORE_EXPIRY))) {
                return token.value();
            }
            Instant now = clock.instant();
            String assertion = JWT.create()
                    .withIssuer(settings.integrationKey())
                    .withSubject(settings.userId())
                    .withAudience(settings.oauthHost())
                    .withIssuedAt(now)
                    .withExpiresAt(now.plus(Duration.ofHours(1)))
                    .withClaim("scope", "signature impersonation")
                    .sign(Algorithm.RSA256(null, privateKey));
            String form = "grant_type="
                    + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                    + "&assertion=" + assertion;
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + settings.oauthHost() + "/oauth/token"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            try {
                HttpResponse<String> response = oauth.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new SigningUnavailableException(
                            "DocuSign JWT grant refused: HTTP " + response.statusCode()
                                    + " (has the user granted consent to the integration key?)",
                            null);
                }
                JsonNode body = json.readTree(response.body());
                token = new Token(
                        body.path("access_token").asText(),
                        now.plusSeconds(body.path("expires_in").asLong(3600)));
                return token.value();
            } catch (IOException e) {
                throw new SigningUnavailableException("DocuSign JWT grant failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during the DocuSign JWT grant", e);
            }
        }
    }

    /** An RSA private key in PKCS#8 PEM ("BEGIN PRIVATE KEY"), as DocuSign's console can give it. */
    static RSAPrivateKey readKey(Path pem) {
        try {
            String text = Files.readString(pem);
            if (text.contains("BEGIN RSA PRIVATE KEY")) {
                throw new IllegalStateException(pem + " is PKCS#1; convert it with"
                        + " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`");
            }
            String base64 =
                    text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the DocuSign private key " + pem + ": " + e.getMessage(), e);
        }
    }
}
