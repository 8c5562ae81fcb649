package io.originate.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import io.originate.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A complaint from the app to compliance and back: triaged and answered in Tasklist's REST calls,
 * the answer sent to the applicant and readable in the API, reopened once, escalated to
 * supervisors when the day the agreement promises passes; its texts never in the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintHandlingTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @Autowired
    java.time.Clock appClock;

    TestClock clock;

    @BeforeEach
    void client() {
        api = new Api(port);
        clock = (TestClock) appClock;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String file(Api.Submitted a, String text) {
        Api.Response filed = api.postJson(
                "/api/v1/complaints",
                Map.of("applicationId", a.id(), "category", "DECISION", "description", text),
                "Authorization",
                "Bearer " + a.token());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    private JsonNode complaint(Api.Submitted a, String id) {
        return api.send("GET", "/api/v1/complaints/" + id, null, "Authorization", "Bearer " + a.token())
                .json();
    }

    private JsonNode task(String user, Api.Submitted a, String key) {
        return api.waitFor(() -> {
            for (JsonNode t : api.staff(user, "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json()) {
                if (t.path("taskDefinitionKey").asText().equals(key)) {
                    return t;
                }
            }
            return null;
        });
    }

    private void complete(String user, JsonNode task, String variables) {
        Api.Response done = api.staffPost(
                user,
                "originate",
                "/engine-rest/task/" + task.path("id").asText() + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    private void triageAndAnswer(Api.Submitted a, String answer) {
        JsonNode triage = task("compliance", a, "Task_TriageComplaint");
        complete("compliance", triage, "{\"complaintTriage\":{\"value\":\"ANSWER\"}}");
        JsonNode answering = task("compliance", a, "Task_AnswerComplaint");
        complete(
                "compliance",
                answering,
                "{\"complaintOutcome\":{\"value\":\"PARTLY_UPHELD\"},\"complaintAnswer\":{\"value\":\"" + answer
                        + "\"}}");
    }

    @Test
    void aComplaintIsAnsweredReopenedOnceAndAnsweredAgain() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        String id = file(a, "我的利率为什么这么高？ Why is my rate so high?");

        JsonNode triage = task("compliance", a, "Task_TriageComplaint");
        JsonNode shown = api.staff(
                        "compliance",
                        "originate",
                        "/engine-rest/task/" + triage.path("id").asText() + "/localVariables")
                .json();
        assertThat(shown.path("complaintText").path("value").asText()).contains("Why is my rate so high?");
        assertThat(shown.path("whyHere").path("value").asText()).contains("DECISION");
        assertThat(api.staff("underwriter", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                        .json())
                .as("complaints are compliance's")
                .isEmpty();
        assertThat(api.staff("compliance", "originate", "/api/v1/staff/applications/" + a.id() + "/timeline")
                        .json()
                        .path("verified")
                        .asBoolean())
                .isTrue();

        triageAndAnswer(a, "The rate follows your risk grade B; see the disclosure.");
        JsonNode answered = api.waitFor(() -> {
            JsonNode c = complaint(a, id);
            return c.path("status").asText().equals("ANSWERED") ? c : null;
        });
        assertThat(answered.path("outcome").asText()).isEqualTo("PARTLY_UPHELD");
        assertThat(answered.path("answer").asText())
                .isEqualTo("The rate follows your risk grade B; see the disclosure.");
        assertThat(answered.path("reopenable").asBoolean()).isTrue();
        assertThat(api.send("GET", "/api/v1/dev/outbox?mobile=" + a.mobile(), null)
                        .body())
                .contains("complaint-answer");

        clock.advance(Duration.ofDays(2)); // the applicant thinks it over
        Api.Response reopened =
                api.send("POST", "/api/v1/complaints/" + id + "/reopen", null, "Authorization", "Bearer " + a.token());
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(202);
        assertThat(reopened.json().path("status").asText()).isEqualTo("REOPENED");
        System.out.println("DEBUG " + clock.instant() + " " + reopened.body() + " "
                + api.get(a, "/timeline").body());
        assertThat(Instant.parse(reopened.json().path("respondBy").asText()))
                .as("a new time to answer, from the reopening")
                .isAfterOrEqualTo(
                        Instant.parse(answered.path("respondBy").asText()).plus(Duration.ofDays(2)));

        triageAndAnswer(a, "We reviewed it again: the rate stands.");
        JsonNode closed = api.waitFor(() -> {
            JsonNode c = complaint(a, id);
            return c.path("status").asText().equals("CLOSED") ? c : null;
        });
        assertThat(closed.path("reopenable").asBoolean()).isFalse();
        Api.Response again =
                api.send("POST", "/api/v1/complaints/" + id + "/reopen", null, "Authorization", "Bearer " + a.token());
        assertThat(again.status()).isEqualTo(409);

        assertThat(history.createHistoricVariableInstanceQuery()
                        .variableNameIn("complaintAnswer", "complaintText", "complaintFindings")
                        .count())
                .as("the texts are kept encrypted with the complaint, never in the engine")
                .isZero();
        assertThat(jdbc.sql("select answer_ciphertext from complaint where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .doesNotContain("rate stands");
    }

    @Test
    void anUnansweredComplaintReachesSupervisorsOnTheDayTheAgreementPromises() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        String id = file(a, "Nobody called me back.");
        JsonNode filed = complaint(a, id);
        Instant respondBy = Instant.parse(filed.path("respondBy").asText());
        assertThat(Duration.between(Instant.parse(filed.path("createdAt").asText()), respondBy))
                .isEqualTo(Duration.ofDays(15));
        String instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey("ComplaintHandling")
                .variableValueEquals("complaintId", id)
                .singleResult()
                .getId();
        Job overdue = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("Event_ComplaintOverdue")
                .singleResult();
        assertThat(overdue.getDuedate().toInstant())
                .as("the timer follows the complaint's own deadline")
                .isEqualTo(respondBy);

        management.executeJob(overdue.getId());
        JsonNode supervise = task("supervisor", a, "Task_SuperviseOverdueComplaint");
        assertThat(supervise.path("name").asText()).startsWith("Supervise overdue complaint");
        assertThat(api.staff(
                                "compliance",
                                "originate",
                                "/engine-rest/task?taskDefinitionKey=Task_SuperviseOverdueComplaint&processInstanceId="
                                        + instance)
                        .json())
                .as("only supervisors")
                .isEmpty();
        complete("supervisor", supervise, "{\"supervisionNote\":{\"value\":\"Called the handler; answer by Friday\"}}");
        assertThat(task("compliance", a, "Task_TriageComplaint"))
                .as("the handling goes on")
                .isNotNull();
        assertThat(api.send(
                                "GET",
                                "/api/v1/applications/" + a.id() + "/timeline",
                                null,
                                "Authorization",
                                "Bearer " + a.token())
                        .body())
                .contains("COMPLAINT_OVERDUE");
    }
}
