package io.originate.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import io.originate.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** DocuSign Connect deliveries: verified, deduplicated, and moving the process exactly once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectWebhookTest {

    static final String KEY = "dev-connect-key";

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

    static String sign(String body, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String event(String type, String envelopeId) {
        return "{\"event\":\"" + type + "\",\"apiVersion\":\"v2.1\",\"retryCount\":0,"
                + "\"generatedDateTime\":\"" + java.time.Instant.now()
                + "\",\"data\":{\"accountId\":\"acc\",\"envelopeId\":\""
                + envelopeId + "\"}}";
    }

    Api.Response deliver(String body, String... signatures) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < signatures.length; i++) {
            headers.add("X-DocuSign-Signature-" + (i + 1));
            headers.add(signatures[i]);
        }
        return api.send("POST", "/api/v1/webhooks/docusign", body, headers.toArray(String[]::new));
    }

    /** An application with its envelope out for signature: id, token, mobile, envelope id. */
    private String[] signing() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        return new String[] {
            a.id(), a.token(), a.mobile(), api.accept(a).path("envelopeId").asText()
        };
    }

    private String status(String[] a) {
        return api.get(new Api.Submitted(a[0], a[1], a[2]), "")
                .json()
                .path("status")
                .asText();
    }

    @Test
    void forgedMissingOrMalformedDeliveriesChangeNothing() throws Exception {
        String[] a = signing();
        String body = event("envelope-completed", a[3]);
        assertThat(deliver(body).status()).isEqualTo(401);
        assertThat(deliver(body, sign(body, "not-the-key")).status()).isEqualTo(401);
        assertThat(deliver(body, "!!not base64!!").status()).isEqualTo(401);
        String tampered = body.replace("acc", "acd");
        assertThat(deliver(tampered, sign(body, KEY)).status()).isEqualTo(401);
        assertThat(deliver("{not json", sign("{not json", KEY)).status()).isEqualTo(400);
        assertThat(deliver("{}", sign("{}", KEY)).status()).isEqualTo(400);
        assertThat(status(a)).isEqualTo("SIGNING");
    }

    @Test
    void anyConfiguredKeyAmongSeveralSignaturesIsAccepted() throws Exception {
        String[] a = signing();
        String body = event("envelope-completed", a[3]);
        assertThat(deliver(body, sign(body, "rotated-out-key"), sign(body, KEY)).status())
                .isEqualTo(200);
        assertThat(api.waitForStatus(new Api.Submitted(a[0], a[1], a[2]), s -> s.equals("DISBURSED")))
                .isNotNull();
    }

    @Test
    void theSameEventDeliveredTenTimesConcurrentlyMovesTheProcessOnce() throws Exception {
        String[] a = signing();
        String body = event("envelope-completed", a[3]);
        String signature = sign(body, KEY);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(
                    (Callable<Integer>) () -> deliver(body, signature).status()));
        }
        for (Future<Integer> f : answers) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        api.waitForStatus(new Api.Submitted(a[0], a[1], a[2]), s -> s.equals("DISBURSED"));
        int completions = jdbc.sql(
                        "select count(*) from audit_event where application_id = ? and type = 'ENVELOPE_COMPLETED'")
                .param(a[0])
                .query(Integer.class)
                .single();
        assertThat(completions).isEqualTo(1);
        assertThat(deliver(body, signature).status()).isEqualTo(200);
        assertThat(jdbc.sql(
                                "select count(*) from ledger_transaction where application_id = ? and kind = 'DISBURSEMENT'")
                        .param(a[0])
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDeclinedEnvelopeCancelsTheApplication() throws Exception {
        String[] a = signing();
        String body = event("envelope-declined", a[3]);
        assertThat(deliver(body, sign(body, KEY)).status()).isEqualTo(200);
        assertThat(status(a)).isEqualTo("CANCELLED");
    }

    @Test
    void anEventForAnApplicationThatMovedOnIsAcknowledged() throws Exception {
        String[] a = signing();
        assertThat(api.post(new Api.Submitted(a[0], a[1], a[2]), "/withdraw", Map.of())
                        .status())
                .isEqualTo(202);
        String body = event("envelope-completed", a[3]);
        assertThat(deliver(body, sign(body, KEY)).status()).isEqualTo(200);
        assertThat(status(a)).isEqualTo("WITHDRAWN");
        String unknown = event("envelope-completed", "unknown-envelope");
        assertThat(deliver(unknown, sign(unknown, KEY)).status()).isEqualTo(200);
    }

    @Test
    void anOfferPastItsValidityCannotBeAccepted() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        String hash = api.get(a, "/offer").json().path("disclosureHash").asText();
        clock.advance(java.time.Duration.ofDays(15)); // the sandbox product's offers are valid for 14 days
        Api.Response late = api.post(a, "/offer/accept", Map.of("disclosureHash", hash, "acknowledged", true));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("expired");
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void offerAcceptanceNeedsTheCurrentHashAndAnAcknowledgement() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        String hash = api.get(a, "/offer").json().path("disclosureHash").asText();
        assertThat(api.post(a, "/offer/accept", Map.of("disclosureHash", "0".repeat(64), "acknowledged", true))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(a, "/offer/accept", Map.of("disclosureHash", hash, "acknowledged", false))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(a, "/offer/accept", Map.of("disclosureHash", hash, "acknowledged", true, "rate", "0.01"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(api.post(a, "/offer/decline", Map.of()).status()).isEqualTo(202);
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("CANCELLED");
    }
}
