package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import io.originate.support.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The bad inputs of API.md: each answered with a problem that says what is wrong, and no PII echoed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicantApiContractTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
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

    private Api.Response submit(Object body, String key) {
        return api.postJson("/api/v1/applications", body, "Idempotency-Key", key);
    }

    private static List<String> fields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("title").asText()).isNotBlank();
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void invalidCheckDigitIsAFieldErrorThatDoesNotEchoTheNumber() {
        String id = ApplicationTestData.nationalId("19900101");
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        String bad = id.substring(0, 17) + wrong;
        Api.Response r = submit(
                ApplicationTestData.aSalariedApplicant()
                        .withApplicant("nationalId", bad)
                        .build(),
                UUID.randomUUID().toString());
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("applicant.nationalId");
        assertThat(r.body()).contains("check digit").doesNotContain(bad);
    }

    @Test
    void everyFieldErrorIsListedNotOnlyTheFirst() {
        Map<String, Object> body = ApplicationTestData.aSalariedApplicant()
                .with("amount", "12,000")
                .with("purpose", "YACHT")
                .withApplicant("mobile", "12345")
                .withApplicant("fullName", null)
                .withApplicant("employmentStatus", "ASTRONAUT")
                .build();
        Api.Response r = submit(body, UUID.randomUUID().toString());
        assertProblem(r, 400);
        assertThat(fields(r))
                .containsExactlyInAnyOrder(
                        "amount", "purpose", "applicant.mobile", "applicant.fullName", "applicant.employmentStatus");
        assertThat(r.body()).doesNotContain("12345");
    }

    @Test
    void missingConsentIsNamed() {
        Api.Response r = submit(
                ApplicationTestData.aSalariedApplicant()
                        .withConsent("creditBureauQuery", false)
                        .build(),
                UUID.randomUUID().toString());
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("consents.creditBureauQuery");
    }

    @Test
    void unknownFieldsAreRefusedSoTheServerOwnsStatusAndScore() {
        Api.Response r = submit(
                ApplicationTestData.aSalariedApplicant()
                        .with("status", "APPROVED")
                        .build(),
                UUID.randomUUID().toString());
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("status");
        Api.Response nested = submit(
                ApplicationTestData.aSalariedApplicant()
                        .withApplicant("creditScore", 850)
                        .build(),
                UUID.randomUUID().toString());
        assertThat(fields(nested)).containsExactly("applicant.creditScore");
    }

    @Test
    void policyIsNotValidation() {
        Map<String, Object> tooYoungAndTooMuch = ApplicationTestData.aSalariedApplicant()
                .with("amount", "900000.00")
                .withApplicant("nationalId", ApplicationTestData.nationalId("20150101"))
                .withApplicant("employmentStatus", "STUDENT")
                .build();
        assertThat(submit(tooYoungAndTooMuch, UUID.randomUUID().toString()).status())
                .isEqualTo(201);
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"productCode\":\"" + "x".repeat(70 * 1024) + "\"}";
        Api.Response r = api.send("POST", "/api/v1/applications", big, "Idempotency-Key", "big-1");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anOversizedChunkedBodyIs413Too() throws Exception {
        byte[] big = ("{\"productCode\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/applications"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "big-chunked")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
    }

    @Test
    void missingIdempotencyKeyIs400() {
        Api.Response r = api.postJson(
                "/api/v1/applications", ApplicationTestData.aSalariedApplicant().build());
        assertProblem(r, 400);
        assertThat(r.json().path("detail").asText()).contains("Idempotency-Key");
    }

    @Test
    void sameKeyAndBodyReplaysTheSameAnswerAndSameKeyOtherBodyConflicts() {
        ApplicationTestData data = ApplicationTestData.aSalariedApplicant();
        String key = UUID.randomUUID().toString();
        Api.Response first = submit(data.build(), key);
        Api.Response second = submit(data.build(), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        Api.Response other = submit(data.with("amount", "31000.00").build(), key);
        assertProblem(other, 409);
    }

    @Test
    void tokensAreBoundToTheirApplication() {
        Api.Submitted mine = api.submit(ApplicationTestData.aSalariedApplicant());
        Api.Submitted theirs = api.submit(ApplicationTestData.aSalariedApplicant());
        String path = "/api/v1/applications/" + mine.id();

        Api.Response none = api.send("GET", path, null);
        assertProblem(none, 401);
        Api.Response other = api.send("GET", path, null, "Authorization", "Bearer " + theirs.token());
        assertProblem(other, 404);
        Api.Response unknown = api.send(
                "GET", "/api/v1/applications/" + UUID.randomUUID(), null, "Authorization", "Bearer " + mine.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(other.body().replace(path, "/api/v1/applications/" + unknownId(unknown)));
        assertThat(api.send("GET", path + "/timeline", null, "Authorization", "Bearer " + theirs.token())
                        .status())
                .isEqualTo(404);

        JsonNode own = api.get(mine, "").json();
        assertThat(own.path("applicant").path("nationalId").asText()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
        assertThat(own.path("applicant").path("mobile").asText()).matches("\\d{3}\\*{4}\\d{4}");
    }

    private static String unknownId(Api.Response r) {
        String instance = r.json().path("instance").asText();
        return instance.substring(instance.lastIndexOf('/') + 1);
    }

    @Test
    void wrongOneTimeCodesCountDownAndThenTheCodeIsDead() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        String right = api.otpFor(a.mobile());
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int remaining = 4; remaining >= 1; remaining--) {
            Api.Response r = api.post(a, "/otp/verify", Map.of("code", wrong));
            assertProblem(r, 422);
            assertThat(r.json().path("detail").asText()).contains(remaining + " attempt");
        }
        assertThat(api.post(a, "/otp/verify", Map.of("code", wrong)).status()).isEqualTo(422);
        Api.Response dead = api.post(a, "/otp/verify", Map.of("code", right));
        assertProblem(dead, 422);
        assertThat(dead.json().path("detail").asText()).contains("request a new one");

        Api.Response resend = api.post(a, "/otp", Map.of());
        assertProblem(resend, 429);
        assertThat(Integer.parseInt(resend.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void anExpiredCodeIsRefusedAndAtMostFiveCodesGoOutAnHour() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        String code = api.otpFor(a.mobile());
        clock.advance(java.time.Duration.ofMinutes(6)); // a code lives five minutes
        Api.Response expired = api.post(a, "/otp/verify", Map.of("code", code));
        assertProblem(expired, 422);
        assertThat(expired.json().path("detail").asText()).contains("expired");

        // four more codes, a minute apart: five in the hour
        for (int i = 0; i < 4; i++) {
            assertThat(api.post(a, "/otp", Map.of()).status()).isEqualTo(202);
            clock.advance(java.time.Duration.ofSeconds(61));
        }
        Api.Response sixth = api.post(a, "/otp", Map.of());
        assertProblem(sixth, 429);
        assertThat(sixth.json().path("detail").asText()).contains("per hour");
        // the first code went out 6 + 4 x 61 seconds ago: the hour ends in 2996 seconds
        assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(2990, 3000);
    }

    @Test
    void complaintsNeedTheApplicationsToken() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        Api.Response filed = api.postJson(
                "/api/v1/complaints",
                Map.of("applicationId", a.id(), "category", "SERVICE", "description", "The code arrived late"),
                "Authorization",
                "Bearer " + a.token());
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(filed.json().path("respondBy").asText()).isNotBlank();
        String id = filed.json().path("id").asText();
        assertThat(api.send("GET", "/api/v1/complaints/" + id, null, "Authorization", "Bearer " + a.token())
                        .status())
                .isEqualTo(200);
        Api.Submitted other = api.submit(ApplicationTestData.aSalariedApplicant());
        assertThat(api.send("GET", "/api/v1/complaints/" + id, null, "Authorization", "Bearer " + other.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/complaints/" + id, null).status()).isEqualTo(401);
    }
}
