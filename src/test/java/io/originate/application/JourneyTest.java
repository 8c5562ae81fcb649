package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.audit.AuditTrail;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whole loans through the HTTP API, exactly as the README walkthrough and the mobile app do it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Autowired
    io.originate.privacy.PiiCipher cipher;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Submitted submittedAndVerified(ApplicationTestData data) {
        Api.Submitted a = api.submit(data);
        assertThat(api.get(a, "").json().path("nextAction").path("type").asText())
                .isIn("VERIFY_OTP", "WAIT");
        assertThat(api.post(a, "/otp/verify", Map.of("code", api.otpFor(a.mobile())))
                        .status())
                .isEqualTo(204);
        return a;
    }

    @Test
    void salariedApplicantWithCleanFileIsDisbursedWithoutStaff() {
        Api.Submitted a = submittedAndVerified(ApplicationTestData.aSalariedApplicant());

        JsonNode approved = api.waitForStatus(a, s -> !s.matches("SUBMITTED|VERIFYING_IDENTITY|UNDER_REVIEW"));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("decision").path("outcome").asText()).isEqualTo("APPROVE");
        assertThat(approved.path("decision").path("riskGrade").asText()).isIn("A", "B");
        assertThat(approved.path("nextAction").path("type").asText()).isEqualTo("ACCEPT_OFFER");
        assertThat(approved.path("applicant").path("fullName").asText()).isEqualTo("李*");

        JsonNode offer = api.get(a, "/offer").json();
        assertThat(offer.path("principal").asText()).isEqualTo("30000.00");
        assertThat(offer.path("schedule")).hasSize(12);
        assertThat(offer.path("apr").asText()).matches("0\\.\\d{4}");
        assertThat(api.get(a, "/offer/document").headers().firstValue("Content-Type"))
                .hasValue("application/pdf");

        Api.Response accepted = api.post(
                a,
                "/offer/accept",
                Map.of("disclosureHash", offer.path("disclosureHash").asText(), "acknowledged", true));
        assertThat(accepted.status()).isEqualTo(202);
        String signingUrl = accepted.json().path("signingUrl").asText();
        Api.Response again = api.post(
                a,
                "/offer/accept",
                Map.of("disclosureHash", offer.path("disclosureHash").asText(), "acknowledged", true));
        assertThat(again.json().path("envelopeId").asText())
                .isEqualTo(accepted.json().path("envelopeId").asText());

        assertThat(api.send("GET", signingUrl, null).status()).isEqualTo(200);
        String token = URI.create("http://x" + signingUrl).getQuery().substring(2);
        String envelopeId = accepted.json().path("envelopeId").asText();
        assertThat(api.form("/esign/local/" + envelopeId + "/sign?t=" + token, "t=" + token)
                        .status())
                .isEqualTo(200);

        JsonNode done = api.waitForStatus(a, s -> s.matches("DISBURSED|CANCELLED|EXPIRED"));
        assertThat(done.path("status").asText()).isEqualTo("DISBURSED");
        assertThat(done.path("nextAction").path("type").asText()).isEqualTo("NONE");
        assertThat(api.post(a, "/withdraw", Map.of()).status()).isEqualTo(409);

        int payouts = jdbc.sql(
                        "select count(*) from ledger_transaction where application_id = ? and kind = 'DISBURSEMENT'")
                .param(a.id())
                .query(Integer.class)
                .single();
        assertThat(payouts).isEqualTo(1);
        assertThat(api.form("/esign/local/" + envelopeId + "/sign?t=" + token, "t=" + token)
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql(
                                "select count(*) from ledger_transaction where application_id = ? and kind = 'DISBURSEMENT'")
                        .param(a.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        List<AuditTrail.Entry> chain = new ArrayList<>();
        for (JsonNode e : api.get(a, "/timeline").json()) {
            chain.add(new AuditTrail.Entry(
                    e.get("seq").asInt(),
                    e.get("at").asText(),
                    e.get("type").asText(),
                    e.get("summary").asText(),
                    e.get("hash").asText(),
                    e.get("prevHash").asText()));
        }
        assertThat(chain)
                .extracting(AuditTrail.Entry::type)
                .contains(
                        "APPLICATION_SUBMITTED",
                        "PHONE_VERIFIED",
                        "ELIGIBILITY_DECIDED",
                        "OFFER_ACCEPTED",
                        "ENVELOPE_COMPLETED",
                        "LOAN_PAID_OUT",
                        "STATUS_DISBURSED");
        assertThat(AuditTrail.verify(chain)).isTrue();
    }

    @Test
    void bankruptApplicantIsDeclinedWithReasons() {
        Api.Submitted a = submittedAndVerified(
                ApplicationTestData.aSalariedApplicant().withApplicant("nationalId", "110101197811200049"));
        JsonNode declined = api.waitForStatus(a, s -> s.matches("DECLINED|APPROVED|REFERRED"));
        assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("decision").path("outcome").asText()).isEqualTo("DECLINE");
        assertThat(declined.path("decision").path("reasons").get(0).path("code").asText())
                .isEqualTo("BANKRUPTCY");
        assertThat(api.get(a, "/offer").status()).isEqualTo(409);
        String outbox = api.send("GET", "/api/v1/dev/outbox?email=li.ming@example.com", null)
                .body();
        assertThat(outbox).contains("principal reasons").contains("A bankruptcy is on the credit file");
    }

    @Test
    void referredApplicationWaitsForAnUnderwriterInTasklist() {
        Api.Submitted a =
                submittedAndVerified(ApplicationTestData.aSalariedApplicant().withApplicant("employmentMonths", 3));
        JsonNode referred = api.waitForStatus(a, s -> s.matches("REFERRED|DECLINED|APPROVED"));
        assertThat(referred.path("status").asText()).isEqualTo("REFERRED");
        assertThat(referred.path("decision").path("reasons").get(0).path("code").asText())
                .isEqualTo("LENGTH_OF_EMPLOYMENT");

        assertThat(api.send("GET", "/engine-rest/task", null).status()).isEqualTo(401);
        JsonNode tasks = api.staff("underwriter", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                .json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ReviewApplication");
        JsonNode notMine = api.staff("kyc", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                .json();
        assertThat(notMine).isEmpty();
    }

    @Test
    void aMobileSeenWithTwoIdentitiesGoesToAFraudAnalyst() {
        ApplicationTestData first = ApplicationTestData.aSalariedApplicant();
        submittedAndVerified(first);
        Api.Submitted second = api.submit(ApplicationTestData.aSalariedApplicant()
                .withApplicant("mobile", first.mobile())
                .withApplicant("nationalId", ApplicationTestData.nationalId("19900202")));
        assertThat(api.post(second, "/otp/verify", Map.of("code", api.otpFor(first.mobile(), 2)))
                        .status())
                .isEqualTo(204);

        JsonNode tasks = api.waitFor(() -> {
            JsonNode t = api.staff("fraud", "originate", "/engine-rest/task?processInstanceBusinessKey=" + second.id())
                    .json();
            return t.isEmpty() ? null : t;
        });
        assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ReviewFraudSignals");
        String taskId = tasks.get(0).path("id").asText();
        JsonNode evidence = api.staff("fraud", "originate", "/engine-rest/task/" + taskId + "/localVariables")
                .json();
        assertThat(evidence.path("fraudEvidence").path("value").asText())
                .contains("MOBILE_SHARED_BY_IDENTITIES (HIGH)");
        assertThat(evidence.toString()).doesNotContain(first.mobile());

        assertThat(api.staffPost(
                                "fraud",
                                "originate",
                                "/engine-rest/task/" + taskId + "/complete",
                                "{\"variables\":{\"fraudReview\":{\"value\":\"CONFIRMED\"}}}")
                        .status())
                .isEqualTo(204);
        JsonNode declined = api.waitForStatus(second, s -> s.equals("DECLINED"));
        assertThat(declined.path("decision").path("reasons").get(0).path("code").asText())
                .isEqualTo("FRAUD_SIGNAL");
        assertThat(api.staff("ops", "originate", "/actuator/metrics/originate.fraud.signals")
                        .body())
                .contains("MOBILE_SHARED_BY_IDENTITIES");
    }

    @Test
    void onePersonMakesAtMostOneDecisionOnAnApplication() {
        if (identity.createUserQuery().userId("dual").count() == 0) {
            var dual = identity.newUser("dual");
            dual.setPassword("dual-pass");
            identity.saveUser(dual);
            identity.createMembership("dual", "fraud-analysts");
            identity.createMembership("dual", "underwriters");
        }
        ApplicationTestData first = ApplicationTestData.aSalariedApplicant();
        submittedAndVerified(first);
        Api.Submitted second = api.submit(ApplicationTestData.aSalariedApplicant()
                .withApplicant("mobile", first.mobile())
                .withApplicant("employmentMonths", 3)
                .withApplicant("nationalId", ApplicationTestData.nationalId("19910303")));
        api.post(second, "/otp/verify", Map.of("code", api.otpFor(first.mobile(), 2)));

        String fraudTask = api.waitFor(() -> taskOf("dual", "dual-pass", second, "Task_ReviewFraudSignals"));
        assertThat(api.staffPost(
                                "dual",
                                "dual-pass",
                                "/engine-rest/task/" + fraudTask + "/complete",
                                "{\"variables\":{\"fraudReview\":{\"value\":\"CLEARED\"}}}")
                        .status())
                .isEqualTo(204);

        String review = api.waitFor(() -> taskOf("dual", "dual-pass", second, "Task_ReviewApplication"));
        Api.Response claim =
                api.staffPost("dual", "dual-pass", "/engine-rest/task/" + review + "/claim", "{\"userId\":\"dual\"}");
        assertThat(claim.status())
                .as("refused before any work, not only at completion")
                .isEqualTo(403);
        assertThat(claim.body()).contains("Four eyes");
        String approve = "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}";
        Api.Response again = api.staffPost("dual", "dual-pass", "/engine-rest/task/" + review + "/complete", approve);
        assertThat(again.status()).isGreaterThanOrEqualTo(400);
        assertThat(again.body()).contains("Four eyes");
        assertThat(api.staffPost("underwriter", "originate", "/engine-rest/task/" + review + "/complete", approve)
                        .status())
                .isEqualTo(204);
        assertThat(api.waitForStatus(second, s -> s.matches("APPROVED|DECLINED"))
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
    }

    private String taskOf(String user, String password, Api.Submitted a, String key) {
        for (JsonNode t : api.staff(user, password, "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                .json()) {
            if (t.path("taskDefinitionKey").asText().equals(key)) {
                return t.path("id").asText();
            }
        }
        return null;
    }

    @Test
    void withdrawalBeforeDisbursementEndsTheApplication() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        api.waitForStatus(a, s -> s.equals("VERIFYING_IDENTITY"));
        Api.Response withdrawn = api.post(a, "/withdraw", Map.of());
        assertThat(withdrawn.status()).isEqualTo(202);
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.post(a, "/withdraw", Map.of()).status()).isEqualTo(409);
    }
}
