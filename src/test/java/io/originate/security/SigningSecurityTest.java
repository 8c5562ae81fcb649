package io.originate.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import io.originate.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing links and Connect events: a link works only while its envelope is out and its signing
 * period lasts; an event outside the window of real deliveries is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Api api;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private record Signing(Api.Submitted application, String envelope, String token) {
        String page() {
            return "/esign/local/" + envelope + "?t=" + token;
        }
    }

    private Signing signing() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        JsonNode accepted = api.accept(a);
        String url = accepted.path("signingUrl").asText();
        return new Signing(a, accepted.path("envelopeId").asText(), url.substring(url.indexOf("t=") + 2));
    }

    private Api.Response press(Signing s, String button) {
        return api.form("/esign/local/" + s.envelope() + "/" + button, "t=" + s.token());
    }

    @Test
    void theSigningPageMayNotBeFramedScriptedOrCached() {
        Signing s = signing();
        Api.Response page = api.send("GET", s.page(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.send("GET", "/esign/local/" + s.envelope() + "?t=wrong", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aSignedEnvelopesLinkStopsWorkingButAnswersTheSameButtonAgain() {
        Signing s = signing();
        assertThat(press(s, "sign").status()).isEqualTo(200);
        api.waitForStatus(s.application(), status -> status.equals("DISBURSED"));
        assertThat(api.send("GET", s.page(), null).status()).isEqualTo(410);
        assertThat(api.send("GET", "/esign/local/" + s.envelope() + "/document?t=" + s.token(), null)
                        .status())
                .isEqualTo(410);
        Api.Response decline = press(s, "decline");
        assertThat(decline.status()).isEqualTo(410);
        assertThat(decline.body()).contains("the agreement is signed").doesNotContain("cancelled");
        assertThat(press(s, "sign").status()).as("a second press of Sign").isEqualTo(200);
        assertThat(api.get(s.application(), "/timeline").body()).doesNotContain("ENVELOPE_DECLINED");
        assertThat(api.get(s.application(), "").json().path("status").asText()).isEqualTo("DISBURSED");
    }

    @Test
    void aLinkPastItsSigningPeriodSignsNothing() {
        Signing s = signing();
        clock.advance(Duration.ofDays(8)); // the sandbox product's signing period is 7 days
        assertThat(api.send("GET", s.page(), null).status()).isEqualTo(410);
        assertThat(press(s, "sign").status()).isEqualTo(410);
        assertThat(api.get(s.application(), "").json().path("status").asText()).isEqualTo("SIGNING");
    }

    @Test
    void withdrawingClosesTheSigningLink() {
        Signing s = signing();
        assertThat(api.post(s.application(), "/withdraw", java.util.Map.of()).status())
                .isEqualTo(202);
        assertThat(api.send("GET", s.page(), null).status()).isEqualTo(410);
        assertThat(press(s, "sign").status()).isEqualTo(410);
        assertThat(api.waitFor(() -> "voided"
                                .equals(jdbc.sql("select status from envelope where id = ?")
                                        .param(s.envelope())
                                        .query(String.class)
                                        .single())
                        ? true
                        : null))
                .isTrue();
        assertThat(api.get(s.application(), "/timeline").body()).doesNotContain("ENVELOPE_COMPLETED");
    }

    @Test
    void anEventForAClosedEnvelopeChangesNeitherItNorTheStory() throws Exception {
        Signing s = signing();
        assertThat(press(s, "decline").status()).isEqualTo(200);
        Api.Response late = deliver(event(s.envelope(), Instant.now()));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().path("result").asText()).isEqualTo("IGNORED");
        assertThat(jdbc.sql("select status from envelope where id = ?")
                        .param(s.envelope())
                        .query(String.class)
                        .single())
                .isEqualTo("declined");
        assertThat(api.get(s.application(), "/timeline").body()).doesNotContain("ENVELOPE_COMPLETED");
    }

    @Test
    void aSignedOrVoidedEnvelopeKeepsItsStoryWhateverArrivesLater() throws Exception {
        Signing signed = signing();
        assertThat(press(signed, "sign").status()).isEqualTo(200);
        api.waitForStatus(signed.application(), s -> s.equals("DISBURSED"));
        Api.Response lateDecline =
                deliver(event(signed.envelope(), Instant.now()).replace("envelope-completed", "envelope-declined"));
        assertThat(lateDecline.json().path("result").asText()).isEqualTo("IGNORED");
        assertThat(api.get(signed.application(), "/timeline").body()).doesNotContain("ENVELOPE_DECLINED");

        Signing withdrawn = signing();
        api.post(withdrawn.application(), "/withdraw", java.util.Map.of());
        api.waitFor(() -> "voided"
                        .equals(jdbc.sql("select status from envelope where id = ?")
                                .param(withdrawn.envelope())
                                .query(String.class)
                                .single())
                ? true
                : null);
        assertThat(deliver(event(withdrawn.envelope(), Instant.now()))
                        .json()
                        .path("result")
                        .asText())
                .isEqualTo("IGNORED");
        assertThat(press(withdrawn, "sign").status()).isEqualTo(410);
        assertThat(api.get(withdrawn.application(), "/timeline").body()).doesNotContain("ENVELOPE_COMPLETED");
    }

    @Test
    void aFormLargerThanTheLimitSignsNothing() {
        Signing s = signing();
        Api.Response big =
                api.form("/esign/local/" + s.envelope() + "/sign", "p=" + "a".repeat(100_000) + "&t=" + s.token());
        assertThat(big.status()).isIn(400, 404, 413);
        assertThat(api.get(s.application(), "").json().path("status").asText()).isEqualTo("SIGNING");
    }

    private static String event(String envelope, Instant generated) {
        return "{\"event\":\"envelope-completed\",\"apiVersion\":\"v2.1\",\"generatedDateTime\":\"" + generated
                + "\",\"data\":{\"envelopeId\":\"" + envelope + "\"}}";
    }

    private Api.Response deliver(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("dev-connect-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return api.send("POST", "/api/v1/webhooks/docusign", body, "X-DocuSign-Signature-1", signature);
    }

    @Test
    void aConnectEventFromOutsideTheDeliveryWindowIsRefused() throws Exception {
        Signing s = signing();
        Api.Response old = deliver(event(s.envelope(), Instant.now().minus(Duration.ofDays(30))));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().path("detail").asText()).contains("outside the accepted window");
        assertThat(deliver(event(s.envelope(), Instant.now().plus(Duration.ofHours(1))))
                        .status())
                .isEqualTo(400);
        assertThat(deliver(event(s.envelope(), Instant.now()).replace(",\"generatedDateTime\":\"", ",\"x\":\""))
                        .status())
                .isEqualTo(400);
        assertThat(api.get(s.application(), "").json().path("status").asText()).isEqualTo("SIGNING");
        assertThat(deliver(event(s.envelope(), Instant.now().minus(Duration.ofDays(2))))
                        .status())
                .as("a retried delivery from two days ago is still accepted")
                .isEqualTo(200);
    }
}
