package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every sandbox identity of the README gives its documented outcome through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxIdentitiesTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Submitted verified(String nationalId, String fullName) {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant()
                .withApplicant("nationalId", nationalId)
                .withApplicant("fullName", fullName));
        assertThat(api.post(a, "/otp/verify", Map.of("code", api.otpFor(a.mobile())))
                        .status())
                .isEqualTo(204);
        return a;
    }

    @ParameterizedTest(name = "{0} ({1}): {2} {3}")
    @CsvSource({
        "110101199003070011, thin file, REFERRED, ''",
        "110101198506150027, one delinquency, REFERRED, DELINQUENT_OBLIGATIONS",
        "11010119820909003X, three delinquencies, DECLINED, DELINQUENT_OBLIGATIONS",
        "110101197811200049, bankrupt, DECLINED, BANKRUPTCY",
        "110101199102140054, many inquiries, REFERRED, NUMBER_OF_INQUIRIES",
        "110101198001010088, low score, DECLINED, CREDIT_SCORE",
        "110101198305050097, fair score, REFERRED, CREDIT_SCORE",
        "110101199508010065, no credit file, REFERRED, NO_CREDIT_FILE",
        "310104198808080112, real-name mismatch, DECLINED, IDENTITY_NOT_CONFIRMED",
        "440301197001010136, listed national ID, DECLINED, VERIFICATION_NOT_PASSED"
    })
    void documentedOutcome(String nationalId, String description, String status, String firstReason) {
        Api.Submitted a = verified(nationalId, "李明");
        JsonNode app = api.waitForStatus(a, s -> s.matches("APPROVED|REFERRED|DECLINED"));
        assertThat(app.path("status").asText()).as(description).isEqualTo(status);
        if (!firstReason.isEmpty()) {
            assertThat(app.path("decision").path("reasons").get(0).path("code").asText())
                    .isEqualTo(firstReason);
        }
    }

    @Test
    void aThinFileGradesCOrWorse() {
        Api.Submitted a = verified("110101199003070011", "李明");
        JsonNode app = api.waitForStatus(a, s -> s.matches("APPROVED|REFERRED|DECLINED"));
        assertThat(app.path("decision").path("riskGrade").asText()).isIn("C", "D", "E");
    }

    @Test
    void aListedNationalIdOpensAComplianceReview() {
        Api.Submitted a = verified("440301197001010136", "李明");
        api.waitForStatus(a, s -> s.equals("DECLINED"));
        JsonNode tasks = api.staff("compliance", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                .json();
        assertThat(tasks)
                .extracting(t -> t.path("taskDefinitionKey").asText())
                .containsExactly("Task_ReviewSanctionsHit");
        // no tipping off: the applicant reads that everyone is screened, never what screening found
        String told = api.get(a, "").body()
                + api.get(a, "/timeline").body()
                + api.send("GET", "/api/v1/dev/outbox?mobile=" + a.mobile(), null)
                        .body();
        assertThat(told)
                .doesNotContain("SANCTIONS_MATCH")
                .doesNotContain("HIT")
                .doesNotContain("SL-")
                .doesNotContain("watch list entry")
                .doesNotContain("制裁")
                .doesNotContain("ompliance");
        assertThat(api.staff("compliance", "originate", "/api/v1/staff/applications/" + a.id() + "/decisions")
                        .body())
                .as("staff see the precise reason")
                .contains("SANCTIONS_MATCH");
    }

    @Test
    void aListedNameWaitsForAKycAnalyst() {
        Api.Submitted a = verified(ApplicationTestData.nationalId("19850303"), "赵敏");
        JsonNode tasks = api.waitFor(() -> {
            JsonNode t = api.staff("kyc", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t;
        });
        assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ReviewIdentity");
        JsonNode evidence = api.staff(
                        "kyc",
                        "originate",
                        "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/localVariables")
                .json();
        assertThat(evidence.path("evidence").path("value").asText()).contains("SL-0002");
        assertThat(evidence.path("applicant").path("value").asText()).isEqualTo("赵*");

        // both sides of the comparison, for the KYC analysts only, on the record and not in the history
        assertThat(evidence.path("applicantFullName").path("value").asText()).isEqualTo("赵敏");
        assertThat(evidence.path("listNames").path("value").asText()).isNotBlank();
        assertThat(api.staff("compliance", "originate", "/api/v1/staff/access-log?applicationId=" + a.id())
                        .body())
                .contains("group:kyc-analysts")
                .contains("fullName,birthDate");
        assertThat(api.staff(
                                "kyc",
                                "originate",
                                "/engine-rest/history/variable-instance?variableName=applicantFullName&processInstanceId="
                                        + tasks.get(0).path("processInstanceId").asText())
                        .json())
                .isEmpty();
        assertThat(api.staff(
                                "kyc",
                                "originate",
                                "/engine-rest/history/variable-instance?variableName=applicant&processInstanceId="
                                        + tasks.get(0).path("processInstanceId").asText())
                        .json())
                .as("the history holds the masked summary")
                .isNotEmpty();
    }

    /** Takes an approved application of the given amount through acceptance and signing. */
    private Api.Submitted signed(String amount) {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant().with("amount", amount));
        api.signLocally(api.accept(a));
        return a;
    }

    @Test
    void aRefusedPayoutWaitsForOperations() {
        Api.Submitted a = signed("4040.40");
        JsonNode tasks = api.waitFor(() -> {
            JsonNode t = api.staff("ops", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t;
        });
        assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ResolvePayoutFailure");
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("DISBURSING");
        assertThat(api.post(a, "/withdraw", Map.of()).status()).isEqualTo(409);

        // operations see why, and ask the applicant for another card; the payout follows the correction
        String task = tasks.get(0).path("id").asText();
        assertThat(api.staff("ops", "originate", "/engine-rest/task/" + task + "/localVariables")
                        .json()
                        .path("payoutRefusal")
                        .path("value")
                        .asText())
                .startsWith("ACCOUNT_CLOSED");
        assertThat(api.staffPost(
                                "ops",
                                "originate",
                                "/engine-rest/task/" + task + "/complete",
                                "{\"variables\":{\"payoutResolution\":{\"value\":\"CANCEL\"}}}")
                        .body())
                .as("a cancellation names why")
                .contains("payoutCancelReason");
        assertThat(api.staffPost(
                                "ops",
                                "originate",
                                "/engine-rest/task/" + task + "/complete",
                                "{\"variables\":{\"payoutResolution\":{\"value\":\"ASK_APPLICANT\"}}}")
                        .status())
                .isEqualTo(204);
        JsonNode asked = api.waitFor(() -> {
            JsonNode account = api.get(a, "/payout-account").json();
            return account.path("correctionRequested").asBoolean() ? account : null;
        });
        assertThat(asked.path("refusalCode").asText()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(api.send("GET", "/api/v1/dev/outbox?mobile=" + a.mobile(), null)
                        .body())
                .contains("payout-account");
        Api.Response wrong = api.send(
                "PUT",
                "/api/v1/applications/" + a.id() + "/payout-account",
                "{\"bankCardNumber\":\"6222021234567890129\"}",
                "Authorization",
                "Bearer " + a.token());
        assertThat(wrong.status()).isEqualTo(400);
        Api.Response corrected = api.send(
                "PUT",
                "/api/v1/applications/" + a.id() + "/payout-account",
                "{\"bankCardNumber\":\"6222021234567890128\"}",
                "Authorization",
                "Bearer " + a.token());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("bankCard").asText()).isEqualTo("**** **** **** 0128");
        assertThat(corrected.body()).doesNotContain("6222021234567890128");
        assertThat(api.waitForStatus(a, s -> s.equals("DISBURSED"))
                        .path("status")
                        .asText())
                .isEqualTo("DISBURSED");
    }

    @Test
    void aPayoutRailThatNeverAnswersIsRetriedWithBackoff() {
        Api.Submitted a = signed("5050.50");
        Job failed = api.waitFor(() -> {
            String instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(a.id())
                    .processDefinitionKey("LoanOrigination")
                    .singleResult()
                    .getId();
            List<Job> jobs = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .withException()
                    .list();
            return jobs.isEmpty() ? null : jobs.get(0);
        });
        assertThat(failed.getExceptionMessage()).contains("payout rail timed out");
        assertThat(failed.getRetries()).isEqualTo(5);
    }

    @Autowired
    io.originate.process.RetryingJobs retryingJobs;

    @ParameterizedTest(name = "{1} never answers: the job fails and is retried, no decision")
    @CsvSource({"110101198704220073, Sandbox bureau timed out", "310104198909090125, Sandbox KYC provider timed out"})
    void aServiceThatNeverAnswersIsRetriedNotDecided(String nationalId, String failure) {
        Api.Submitted a = verified(nationalId, "李明");
        Job failed = api.waitFor(() -> {
            for (var instance : runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(a.id())
                    .list()) {
                List<Job> jobs = management
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .withException()
                        .list();
                if (!jobs.isEmpty()) {
                    return jobs.get(0);
                }
            }
            return null;
        });
        assertThat(failed.getExceptionMessage()).contains(failure);
        assertThat(failed.getRetries())
                .as("five retries left after the first attempt")
                .isEqualTo(5);
        assertThat(failed.getDuedate()).as("the next attempt waits (backoff)").isAfter(new java.util.Date());
        assertThat(api.get(a, "").json().path("status").asText()).isIn("VERIFYING_IDENTITY", "UNDER_REVIEW");
        assertThat(api.get(a, "").json().has("decision")).isFalse();

        // visible from the first failure: a Cockpit incident and a gauge; gone with the instance
        retryingJobs.mark();
        var marker = runtime.createIncidentQuery()
                .incidentType("retryingJob")
                .configuration(failed.getId())
                .singleResult();
        assertThat(marker).isNotNull();
        assertThat(marker.getIncidentMessage()).contains(failure).contains("5 attempts left");
        assertThat(api.staff("ops", "originate", "/actuator/metrics/originate.jobs.retrying")
                        .json()
                        .path("measurements")
                        .get(0)
                        .path("value")
                        .asDouble())
                .isPositive();
        runtime.deleteProcessInstance(
                runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(a.id())
                        .processDefinitionKey("LoanOrigination")
                        .singleResult()
                        .getId(),
                "the test is over");
        retryingJobs.mark();
        assertThat(runtime.createIncidentQuery()
                        .incidentType("retryingJob")
                        .configuration(failed.getId())
                        .count())
                .isZero();
    }
}
