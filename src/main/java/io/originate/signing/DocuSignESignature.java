package io.originate.signing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.docusign.esign.api.EnvelopesApi;
import com.docusign.esign.client.ApiClient;
import com.docusign.esign.client.ApiException;
import com.docusign.esign.client.JSON;
import com.docusign.esign.model.CustomFields;
import com.docusign.esign.model.Document;
import com.docusign.esign.model.Envelope;
import com.docusign.esign.model.EnvelopeDefinition;
import com.docusign.esign.model.RecipientViewRequest;
import com.docusign.esign.model.Recipients;
import com.docusign.esign.model.SignHere;
import com.docusign.esign.model.Signer;
import com.docusign.esign.model.Tabs;
import com.docusign.esign.model.TextCustomField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.io.InputStream;
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
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DocuSign eSignature through its Java SDK: an envelope with the agreement PDF, the borrower as an
 * embedded signer ({@code clientUserId} = application id), the application id as an envelope
 * custom field, and the recipient view as the signing URL.
 *
 * <p>Security: the SDK's own HTTP client trusts every certificate. Here it gets a Jersey client
 * that validates certificates and host names (against the JVM's trust store, or
 * {@code trust-store} when set), and the JWT grant is made by this class over a validating client,
 * so the SDK's client is never used. The access token is cached until five minutes before expiry.
 */
@Component
@ConditionalOnProperty(name = "originate.esign.provider", havingValue = "docusign")
class DocuSignESignature implements ESignature {

    static final String CUSTOM_FIELD = "applicationId";
    static final String SIGNATURE_ANCHOR = "\\s1\\";
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private record Token(String value, Instant expires) {}

    private final DocuSignSettings settings;
    private final RSAPrivateKey privateKey;
    private final SSLContext tls;
    private final Client jersey;
    private final HttpClient oauth;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private volatile Token token;

    DocuSignESignature(DocuSignSettings settings, Clock clock) {
        settings.requireComplete();
        this.settings = settings;
        this.clock = clock;
        this.privateKey = readKey(Path.of(settings.privateKeyPath()));
        this.tls = tls(settings);
        this.jersey = jerseyClient(tls);
        this.oauth = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public String provider() {
        return "docusign";
    }

    @Override
    public String createEnvelope(String applicationId, byte[] pdf, Signer signer) {
        // the agreement template marks the borrower's signature line with this (invisible) anchor
        SignHere signHere = new SignHere()
                .anchorString(SIGNATURE_ANCHOR)
                .anchorUnits("pixels")
                .anchorXOffset("0")
                .anchorYOffset("-10")
                .tabLabel("borrowerSignature");
        com.docusign.esign.model.Signer borrower = new com.docusign.esign.model.Signer()
                .email(signer.email())
                .name(signer.name())
                .recipientId("1")
                .routingOrder("1")
                .clientUserId(signer.clientUserId())
                .tabs(new Tabs().signHereTabs(List.of(signHere)));
        EnvelopeDefinition envelope = new EnvelopeDefinition()
                .emailSubject("Your loan agreement 借款合同")
                .documents(List.of(new Document()
                        .documentBase64(Base64.getEncoder().encodeToString(pdf))
                        .name("Loan agreement and cost disclosure")
                        .fileExtension("pdf")
                        .documentId("1")))
                .recipients(new Recipients().signers(List.of(borrower)))
                .customFields(new CustomFields()
                        .textCustomFields(List.of(new TextCustomField()
                                .name(CUSTOM_FIELD)
                                .value(applicationId)
                                .show("false"))))
                .status("sent");
        try {
            return envelopes().createEnvelope(settings.accountId(), envelope).getEnvelopeId();
        } catch (ApiException e) {
            throw new SigningUnavailableException("DocuSign refused the envelope: HTTP " + e.getCode(), e);
        }
    }

    @Override
    public String signingUrl(String envelopeId, Signer signer, String returnUrl) {
        RecipientViewRequest view = new RecipientViewRequest()
                .returnUrl(returnUrl == null ? settings.returnUrl() : returnUrl)
                .authenticationMethod("none")
                .email(signer.email())
                .userName(signer.name())
                .recipientId("1")
                .clientUserId(signer.clientUserId());
        try {
            return envelopes()
                    .createRecipientView(settings.accountId(), envelopeId, view)
                    .getUrl();
        } catch (ApiException e) {
            throw new SigningUnavailableException("DocuSign refused the signing view: HTTP " + e.getCode(), e);
        }
    }

    @Override
    public void voidEnvelope(String envelopeId, String reason) {
        try {
            envelopes()
                    .update(
                            settings.accountId(),
                            envelopeId,
                            new Envelope().status("voided").voidedReason(reason));
        } catch (ApiException e) {
            throw new IllegalStateException("DocuSign refused to void the envelope: HTTP " + e.getCode(), e);
        }
    }

    private EnvelopesApi envelopes() {
        ApiClient api = new ApiClient(settings.basePath());
        api.addDefaultHeader("Authorization", "Bearer " + accessToken());
        api.setHttpClient(jersey); // last: the other setters rebuild the SDK's own client
        return new EnvelopesApi(api);
    }

    /** The JWT grant (RFC 7523), cached until shortly before the token expires. */
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

    /** The SDK's JSON and features, but the default connector: certificates and host names are checked. */
    private static Client jerseyClient(SSLContext tls) {
        ClientConfig config = new ClientConfig();
        config.register(MultiPartFeature.class);
        config.register(new JSON());
        config.register(JacksonFeature.class);
        config.property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true);
        return ClientBuilder.newBuilder()
                .withConfig(config)
                .sslContext(tls)
                .connectTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .readTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .build();
    }

    private static SSLContext tls(DocuSignSettings settings) {
        try {
            if (settings.trustStore() == null || settings.trustStore().isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(settings.trustStore()))) {
                store.load(
                        in,
                        settings.trustStorePassword() == null
                                ? null
                                : settings.trustStorePassword().toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read originate.esign.docusign.trust-store: " + e.getMessage(), e);
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
