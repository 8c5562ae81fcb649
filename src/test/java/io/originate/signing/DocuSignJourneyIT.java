package io.originate.signing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import io.originate.support.FakeDocuSign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A whole loan with the DocuSign adapter against a fake DocuSign over HTTPS, signed through Connect. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"originate.esign.provider=docusign", "originate.esign.connect.hmac-keys=it-connect-key"})
class DocuSignJourneyIT {

    static FakeDocuSign fake;

    @DynamicPropertySource
    static void docusign(DynamicPropertyRegistry registry) throws IOException {
        fake = new FakeDocuSign(Files.createTempDirectory("fake-docusign")).start();
        registry.add("originate.esign.docusign.base-path", () -> "https://" + fake.host() + "/restapi");
        registry.add("originate.esign.docusign.oauth-host", fake::host);
        registry.add("originate.esign.docusign.integration-key", () -> "integration-key-1");
        registry.add("originate.esign.docusign.user-id", () -> "user-1");
        registry.add("originate.esign.docusign.account-id", () -> "acc-1");
        registry.add("originate.esign.docusign.private-key-path", fake.privateKey::toString);
        registry.add("originate.esign.docusign.return-url", () -> "https://app.example.com/signed");
        registry.add("originate.esign.docusign.trust-store", fake.trustStore::toString);
        registry.add("originate.esign.docusign.trust-store-password", () -> "changeit");
    }

    @AfterAll
    static void stop() {
        fake.server.stop();
    }

    @LocalServerPort
    int port;

    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("it-connect-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLoanIsSignedThroughDocuSignAndDisbursedOnce() throws Exception {
        Api api = new Api(port);
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        fake.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlEqualTo("/restapi/v2.1/accounts/acc-1/envelopes"))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(503)));
        String hash = api.get(a, "/offer").json().path("disclosureHash").asText();
        Api.Response outage = api.post(a, "/offer/accept", Map.of("disclosureHash", hash, "acknowledged", true));
        assertThat(outage.status()).isEqualTo(503);
        assertThat(outage.header("Retry-After")).isEqualTo("30");
        assertThat(api.get(a, "").json().path("status").asText())
                .as("nothing half-done")
                .isEqualTo("APPROVED");
        fake.stub();

        JsonNode accepted = api.accept(a);
        assertThat(accepted.path("envelopeId").asText()).isEqualTo("env-1");
        assertThat(accepted.path("signingUrl").asText()).startsWith("https://demo.docusign.net/Signing/");
        fake.server.verify(postRequestedFor(urlEqualTo("/restapi/v2.1/accounts/acc-1/envelopes"))
                .withRequestBody(matchingJsonPath("$.customFields.textCustomFields[0].value", equalTo(a.id())))
                .withRequestBody(matchingJsonPath("$.recipients.signers[0].clientUserId", equalTo(a.id()))));
        assertThat(api.send("GET", "/esign/local/env-1?t=x", null).status())
                .as("no local signer")
                .isEqualTo(404);

        String event = "{\"event\":\"envelope-completed\",\"apiVersion\":\"v2.1\",\"generatedDateTime\":\""
                + java.time.Instant.now() + "\",\"data\":{\"envelopeId\":\"env-1\"}}";
        assertThat(api.send("POST", "/api/v1/webhooks/docusign", event, "X-DocuSign-Signature-1", sign(event + " "))
                        .status())
                .as("a signature of another body")
                .isEqualTo(401);
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("SIGNING");
        for (int i = 0; i < 3; i++) {
            assertThat(api.send("POST", "/api/v1/webhooks/docusign", event, "X-DocuSign-Signature-1", sign(event))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.waitForStatus(a, s -> s.matches("DISBURSED|CANCELLED"))
                        .path("status")
                        .asText())
                .isEqualTo("DISBURSED");
        assertThat(api.get(a, "/timeline").body().split("ENVELOPE_COMPLETED", -1))
                .hasSize(2);
    }
}
