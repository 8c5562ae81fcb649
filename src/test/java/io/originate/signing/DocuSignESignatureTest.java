package io.originate.signing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.originate.support.FakeDocuSign;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SDK adapter against a fake DocuSign that speaks HTTPS with its own certificate. */
class DocuSignESignatureTest {

    @TempDir
    static Path dir;

    static FakeDocuSign fake;
    static WireMockServer docusign;
    static KeyPair rsa;
    static Path trustStore;
    static Path privateKey;

    @BeforeAll
    static void fakeDocuSign() {
        fake = new FakeDocuSign(dir).start();
        docusign = fake.server;
        rsa = fake.rsa;
        trustStore = fake.trustStore;
        privateKey = fake.privateKey;
    }

    @AfterAll
    static void stop() {
        docusign.stop();
    }

    @BeforeEach
    void stubs() {
        fake.stub();
    }

    private static DocuSignSettings settings(String trust) {
        String host = "localhost:" + docusign.httpsPort();
        return new DocuSignSettings(
                "https://" + host + "/restapi",
                host,
                "integration-key-1",
                "user-1",
                "acc-1",
                privateKey.toString(),
                "https://app.example.com/signed",
                trust,
                "changeit");
    }

    private static final ESignature.Signer BORROWER = new ESignature.Signer("李明", "li.ming@example.com", "app-42");

    @Test
    void createsTheEnvelopeAndTheSigningViewWithAVerifiedJwtGrant() throws Exception {
        DocuSignESignature adapter = new DocuSignESignature(settings(trustStore.toString()), Clock.systemUTC());
        byte[] pdf = "%PDF-1.7 agreement".getBytes(StandardCharsets.UTF_8);

        assertThat(adapter.createEnvelope("app-42", pdf, BORROWER)).isEqualTo("env-1");
        assertThat(adapter.signingUrl("env-1", BORROWER, null)).startsWith("https://demo.docusign.net/Signing/");
        adapter.voidEnvelope("env-1", "The signing period ended");

        docusign.verify(postRequestedFor(urlEqualTo("/restapi/v2.1/accounts/acc-1/envelopes"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(matchingJsonPath(
                        "$.documents[0].documentBase64",
                        equalTo(Base64.getEncoder().encodeToString(pdf))))
                .withRequestBody(matchingJsonPath("$.recipients.signers[0].clientUserId", equalTo("app-42")))
                .withRequestBody(matchingJsonPath("$.recipients.signers[0].email", equalTo("li.ming@example.com")))
                .withRequestBody(matchingJsonPath("$.customFields.textCustomFields[0].name", equalTo("applicationId")))
                .withRequestBody(matchingJsonPath("$.customFields.textCustomFields[0].value", equalTo("app-42")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("sent"))));
        docusign.verify(postRequestedFor(urlEqualTo("/restapi/v2.1/accounts/acc-1/envelopes/env-1/views/recipient"))
                .withRequestBody(matchingJsonPath("$.clientUserId", equalTo("app-42")))
                .withRequestBody(matchingJsonPath("$.returnUrl", equalTo("https://app.example.com/signed"))));
        docusign.verify(putRequestedFor(urlEqualTo("/restapi/v2.1/accounts/acc-1/envelopes/env-1"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("voided"))));

        List<LoggedRequest> grants = docusign.findAll(postRequestedFor(urlEqualTo("/oauth/token")));
        assertThat(grants).as("the token is cached").hasSize(1);
        String body = grants.get(0).getBodyAsString();
        assertThat(body).startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        String assertion = URLDecoder.decode(body.substring(body.indexOf("assertion=") + 10), StandardCharsets.UTF_8);
        DecodedJWT jwt = JWT.require(Algorithm.RSA256((RSAPublicKey) rsa.getPublic(), null))
                .withIssuer("integration-key-1")
                .withSubject("user-1")
                .withAudience("localhost:" + docusign.httpsPort())
                .build()
                .verify(assertion);
        assertThat(jwt.getClaim("scope").asString()).isEqualTo("signature impersonation");
    }

    @Test
    void aCertificateThatIsNotTrustedIsRefused() {
        DocuSignESignature adapter = new DocuSignESignature(settings(null), Clock.systemUTC());
        assertThatThrownBy(() -> adapter.createEnvelope("app-42", new byte[] {1}, BORROWER))
                .hasMessageContaining("JWT grant failed")
                .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        assertThat(docusign.findAll(postRequestedFor(urlEqualTo("/restapi/v2.1/accounts/acc-1/envelopes"))))
                .isEmpty();
    }

    @Test
    void missingSettingsAreNamed() {
        DocuSignSettings incomplete = new DocuSignSettings(
                "https://demo.docusign.net/restapi",
                "account-d.docusign.com",
                "",
                "user-1",
                null,
                privateKey.toString(),
                "https://app.example.com/signed",
                null,
                null);
        assertThatThrownBy(() -> new DocuSignESignature(incomplete, Clock.systemUTC()))
                .hasMessage("The DocuSign adapter (originate.esign.provider=docusign) needs"
                        + " originate.esign.docusign.integration-key, originate.esign.docusign.account-id");
    }
}
