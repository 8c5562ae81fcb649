package io.originate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The applicant API as an attacker would try it: other people's tokens, lenient JSON, missing cache
 * headers, and floods of submissions and codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicantApiSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Response submit(String json) {
        return api.send(
                "POST",
                "/api/v1/applications",
                json,
                "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    private int applications() {
        return jdbc.sql("select count(*) from loan_application")
                .query(Integer.class)
                .single();
    }

    @Test
    void aTokenOpensItsOwnApplicationOnly() {
        Api.Submitted mine = api.submit(ApplicationTestData.aSalariedApplicant());
        Api.Submitted theirs = api.submit(ApplicationTestData.aSalariedApplicant());
        String path = "/api/v1/applications/" + theirs.id();
        assertThat(api.send("GET", path, null).status()).isEqualTo(401);
        assertThat(api.send("GET", path, null).header("WWW-Authenticate")).isEqualTo("Bearer");
        for (String suffix : List.of("", "/timeline", "/offer", "/offer/document")) {
            assertThat(api.send("GET", path + suffix, null, "Authorization", "Bearer " + mine.token())
                            .status())
                    .as(suffix)
                    .isEqualTo(404);
        }
        assertThat(api.send("POST", path + "/withdraw", "{}", "Authorization", "Bearer " + mine.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.send("GET", path, null, "Authorization", "Bearer not-a-token")
                        .status())
                .isEqualTo(404);
        assertThat(api.send("GET", path, null, "Authorization", "Basic " + mine.token())
                        .status())
                .isEqualTo(401);
        assertThat(api.get(theirs, "").json().path("status").asText()).isNotEqualTo("WITHDRAWN");

        Api.Response complaint = api.postJson(
                "/api/v1/complaints",
                Map.of("applicationId", theirs.id(), "category", "SERVICE", "description", "Not mine"),
                "Authorization",
                "Bearer " + mine.token());
        assertThat(complaint.status()).isEqualTo(404);
        Api.Response filed = api.postJson(
                "/api/v1/complaints",
                Map.of("applicationId", theirs.id(), "category", "SERVICE", "description", "Mine"),
                "Authorization",
                "Bearer " + theirs.token());
        assertThat(filed.status()).isEqualTo(201);
        String complaintPath = "/api/v1/complaints/" + filed.json().path("id").asText();
        assertThat(api.send("GET", complaintPath, null, "Authorization", "Bearer " + mine.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.send("GET", complaintPath, null).status()).isEqualTo(401);
    }

    @Test
    void everyResponseWithATokenOrPersonalDataIsNeverStoredAndNeverSniffed() {
        Api.Response submitted = api.postJson(
                "/api/v1/applications",
                ApplicationTestData.aSalariedApplicant().build(),
                "Idempotency-Key",
                UUID.randomUUID().toString());
        Api.Submitted a = new Api.Submitted(
                submitted.json().path("id").asText(),
                submitted.json().path("accessToken").asText(),
                null);
        for (Api.Response r : List.of(
                submitted, api.get(a, ""), api.get(a, "/timeline"), api.send("GET", "/api/v1/applications/x", null))) {
            assertThat(r.header("Cache-Control")).contains("no-store");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void jsonIsTakenOnlyAsWritten() {
        String valid =
                """
                {"productCode":"CONSUMER_INSTALLMENT","amount":"30000.00","termMonths":TERM,"purpose":"HOME_IMPROVEMENT",
                 "applicant":{"fullName":NAME,"nationalId":"%s","mobile":"13912345678","email":"a@example.com",
                   "monthlyIncome":"20000.00","monthlyDebtPayments":"1500.00","employmentStatus":"EMPLOYED",
                   "employmentMonths":36,"residentialAddress":"上海市浦东新区世纪大道 100 号"},
                 "consents":{"creditBureauQuery":CONSENT,"personalInformation":true,"electronicRecords":true},
                 "device":{"deviceId":"d1","ipAddress":"198.51.100.7"}}"""
                        .formatted(ApplicationTestData.nationalId("19880612"));
        String fine = valid.replace("TERM", "12").replace("NAME", "\"李明\"").replace("CONSENT", "true");
        int before = applications();
        record Case(String body, String field) {}
        List<Case> cases = new ArrayList<>(List.of(
                new Case(fine.replace("\"termMonths\":12", "\"termMonths\":12.5"), "termMonths"),
                new Case(fine.replace("\"termMonths\":12", "\"termMonths\":\"12\""), "termMonths"),
                new Case(
                        fine.replace("\"creditBureauQuery\":true", "\"creditBureauQuery\":\"true\""),
                        "consents.creditBureauQuery"),
                new Case(
                        fine.replace("\"creditBureauQuery\":true", "\"creditBureauQuery\":1"),
                        "consents.creditBureauQuery"),
                new Case(fine.replace("\"amount\":\"30000.00\"", "\"amount\":30000"), "amount"),
                new Case(fine.replace("\"termMonths\":12", "\"termMonths\":12,\"termMonths\":24"), "termMonths"),
                new Case(fine.replace("\"李明\"", "\"\\u200b\\u200b\""), "applicant.fullName"),
                new Case(fine.replace("\"李明\"", "\"李\\u0007明\""), "applicant.fullName"),
                new Case(fine.replace("\"李明\"", "\"李\\ud800明\""), "applicant.fullName"),
                new Case(fine.replace("\"李明\"", "\"李\\u202e明\""), "applicant.fullName"),
                new Case(fine.replace("\"d1\"", "\"d\\u0000\""), "device.deviceId"),
                new Case(fine.replace("198.51.100.7", "999.1.1.1"), "device.ipAddress"),
                new Case(fine + " {}", "body")));
        for (Case c : cases) {
            Api.Response r = submit(c.body());
            assertThat(r.status()).as(c.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            List<String> fields = new ArrayList<>();
            r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).as(c.body()).contains(c.field());
        }
        assertThat(applications()).as("nothing was stored").isEqualTo(before);
        assertThat(submit(fine).status()).isEqualTo(201);
    }

    @Test
    void aHeaderWithCharactersTheFirewallRefusesIsABadRequest() {
        Api.Response r = api.raw(
                "127.0.0.1",
                "POST",
                "/api/v1/applications",
                "{}",
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                "\u043a\u043b\u044e\u0447");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void submissionsAreLimitedPerClientAddress() {
        Api stranger = api.from("203.0.113.201");
        Api.Response last = null;
        int refused = 0;
        for (int i = 0; i < 700 && refused == 0; i++) {
            last = stranger.send("POST", "/api/v1/applications", "{}", "Idempotency-Key", "flood-" + i);
            refused = last.status() == 429 ? 1 : 0;
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(api.from("203.0.113.202")
                        .send("POST", "/api/v1/applications", "{}", "Idempotency-Key", "other")
                        .status())
                .as("another client is not affected")
                .isEqualTo(400);
    }

    @Test
    void oneMobileGetsAtMostFiveApplicationsAnHourFromAnyAddress() {
        ApplicationTestData first = ApplicationTestData.aSalariedApplicant();
        String mobile = first.mobile();
        for (int i = 0; i < 5; i++) {
            Api.Response r = api.from("198.51.100." + (10 + i))
                    .postJson(
                            "/api/v1/applications",
                            ApplicationTestData.aSalariedApplicant()
                                    .withApplicant("mobile", mobile)
                                    .build(),
                            "Idempotency-Key",
                            UUID.randomUUID().toString());
            assertThat(r.status()).isEqualTo(201);
        }
        Api.Response sixth = api.from("198.51.100.99")
                .postJson(
                        "/api/v1/applications",
                        ApplicationTestData.aSalariedApplicant()
                                .withApplicant("mobile", mobile)
                                .build(),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isNotBlank();
        assertThat(sixth.body()).doesNotContain(mobile);
    }

    @Test
    void anXForwardedForFromAClientThatIsNoProxyIsIgnored() {
        // 127.0.0.2 is not a configured proxy: whatever address it claims, its own is counted
        Api.Response last = null;
        for (int i = 0; i < 700; i++) {
            last = api.raw(
                    "127.0.0.2",
                    "POST",
                    "/api/v1/applications",
                    "{}",
                    "Content-Type",
                    "application/json",
                    "Idempotency-Key",
                    "spoof-" + i,
                    "X-Forwarded-For",
                    "192.0.2." + (i % 250));
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(429);
    }
}
