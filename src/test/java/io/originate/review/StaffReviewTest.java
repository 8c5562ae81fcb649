package io.originate.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A credit team at work through the engine REST API, as Tasklist calls it: the list says whose
 * application and how much, the filters find it, the form says why it is here, comments and
 * history work for the candidates, and the senior counter-offers or declines with reasons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private JsonNode reviewTask(Api.Submitted a) {
        return api.waitFor(() -> {
            JsonNode t = api.staff("senior", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t.get(0);
        });
    }

    private Api.Response complete(String user, String taskId, String variables) {
        return api.staffPost(
                user, "originate", "/engine-rest/task/" + taskId + "/complete", "{\"variables\":" + variables + "}");
    }

    private String filter(String user, String name) {
        for (JsonNode f : api.staff(user, "originate", "/engine-rest/filter").json()) {
            if (f.path("name").asText().startsWith(name)) {
                return f.path("id").asText();
            }
        }
        throw new AssertionError("no filter " + name + " for " + user);
    }

    @Test
    void theListAndTheFormSayWhoseApplicationHowMuchAndWhyItIsHere() {
        Api.Submitted a = api.referredToSeniors();
        JsonNode task = reviewTask(a);
        String id = task.path("id").asText();
        assertThat(task.path("name").asText()).matches("Review application · .\\* · 150,000\\.00");
        assertThat(task.path("description").asText()).as("reviewer guidance").contains("four eyes");

        JsonNode form = api.staff("senior", "originate", "/engine-rest/task/" + id + "/localVariables")
                .json();
        assertThat(form.path("amount").path("value").asText()).isEqualTo("150,000.00");
        assertThat(form.path("whyHere").path("value").asText()).contains("senior-underwriters");
        assertThat(form.path("scorePoints").path("value").asText()).matches("\\d+");
        assertThat(form.path("debtToIncome").path("value").asText()).endsWith("%");
        assertThat(form.path("earlierApplications").path("value").asText()).isEqualTo("none");
        assertThat(form.path("escalated").path("value").asBoolean()).isFalse();
        assertThat(form.has("applicantFullName"))
                .as("only the identity reviews see the name")
                .isFalse();

        JsonNode unassigned = api.staffPost(
                        "senior",
                        "originate",
                        "/engine-rest/filter/" + filter("senior", "Unassigned in my groups") + "/list",
                        "{}")
                .json();
        assertThat(unassigned.findValuesAsText("id")).contains(id);
        JsonNode notTheirs = api.staffPost(
                        "kyc",
                        "originate",
                        "/engine-rest/filter/" + filter("kyc", "Unassigned in my groups") + "/list",
                        "{}")
                .json();
        assertThat(notTheirs.findValuesAsText("id")).doesNotContain(id);

        String basic = java.util.Base64.getEncoder().encodeToString("senior:originate".getBytes());
        Api.Response moved = api.send(
                "PUT",
                "/engine-rest/task/" + id,
                "{\"name\":\"x\",\"due\":\"2099-01-01T00:00:00.000+0000\"}",
                "Authorization",
                "Basic " + basic);
        assertThat(moved.status()).as(moved.body()).isEqualTo(403);
        assertThat(moved.body()).contains("cannot be changed");

        Api.Response comment = api.staffPost(
                "senior",
                "originate",
                "/engine-rest/task/" + id + "/comment/create",
                "{\"message\":\"Asked for payslips\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        assertThat(api.staff("senior", "originate", "/engine-rest/task/" + id + "/comment")
                        .json()
                        .findValuesAsText("message"))
                .containsExactly("Asked for payslips");
        assertThat(api.staff("senior", "originate", "/engine-rest/history/task?taskId=" + id)
                        .json())
                .hasSize(1);
    }

    @Test
    void aSeniorCounterOffersAndTheApplicantIsOfferedTheNewTerms() {
        Api.Submitted a = api.referredToSeniors();
        String id = reviewTask(a).path("id").asText();
        String counter = "{\"reviewDecision\":{\"value\":\"COUNTER_OFFER\"},"
                + "\"counterAmount\":{\"value\":AMOUNT,\"type\":\"Double\"},"
                + "\"counterTermMonths\":{\"value\":TERM,\"type\":\"Integer\"}}";

        Api.Response more =
                complete("senior", id, counter.replace("AMOUNT", "200000").replace("TERM", "36"));
        assertThat(more.status()).isEqualTo(403);
        assertThat(more.body()).contains("no more than the 150,000.00 asked for");
        Api.Response missing = complete("senior", id, "{\"reviewDecision\":{\"value\":\"COUNTER_OFFER\"}}");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("counterAmount");

        Api.Response countered =
                complete("senior", id, counter.replace("AMOUNT", "80000").replace("TERM", "24"));
        assertThat(countered.status()).as(countered.body()).isEqualTo(204);

        api.waitForStatus(a, s -> s.equals("APPROVED"));
        JsonNode offer = api.get(a, "/offer").json();
        assertThat(offer.path("principal").asText()).isEqualTo("80000.00");
        assertThat(offer.path("termMonths").asInt()).isEqualTo(24);
        assertThat(offer.path("schedule")).hasSize(24);
        assertThat(api.get(a, "").json().path("amount").asText())
                .as("what was asked stays on the application")
                .isEqualTo("150000.00");

        assertThat(api.signLocally(api.accept(a)).status()).isEqualTo(200);
        api.waitForStatus(a, s -> s.equals("DISBURSED"));
        assertThat(jdbc.sql("select amount from ledger_transaction where application_id = ? and kind = 'DISBURSEMENT'")
                        .param(a.id())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("80000.00");
        JsonNode record = api.staff("senior", "originate", "/api/v1/staff/applications/" + a.id() + "/decisions")
                .json();
        List<String> reviews = new ArrayList<>();
        record.forEach(r -> {
            if (r.path("kind").asText().equals("REVIEW")) {
                reviews.add(r.path("outcome").asText() + " " + r.path("inputs").toString());
            }
        });
        assertThat(reviews)
                .singleElement()
                .asString()
                .contains("APPROVE")
                .contains("80000.00")
                .contains("senior");
    }

    @Test
    void aDeclineNamesItsPrincipalReasonsAndTheApplicantIsToldThem() {
        Api.Submitted a = api.referredToSeniors();
        String id = reviewTask(a).path("id").asText();
        Api.Response bare = complete("senior", id, "{\"reviewDecision\":{\"value\":\"DECLINE\"}}");
        assertThat(bare.status()).isEqualTo(403);
        assertThat(bare.body()).contains("principal reason");
        assertThat(complete(
                                "senior",
                                id,
                                "{\"reviewDecision\":{\"value\":\"DECLINE\"},"
                                        + "\"declineReason\":{\"value\":\"INCOME_INSUFFICIENT\"},"
                                        + "\"secondDeclineReason\":{\"value\":\"NUMBER_OF_INQUIRIES\"},"
                                        + "\"decisionNote\":{\"value\":\"Income does not carry 150k over 3 years\"}}")
                        .status())
                .isEqualTo(204);
        JsonNode declined = api.waitForStatus(a, s -> s.equals("DECLINED"));
        assertThat(declined.path("decision").path("reasons").findValuesAsText("code"))
                .containsExactly("INCOME_INSUFFICIENT", "NUMBER_OF_INQUIRIES");
        assertThat(declined.toString()).doesNotContain("150k");
    }

    @Test
    void anOverdueFraudReviewIsOfferedToSeniorUnderwritersAndShowsAsEscalated() {
        ApplicationTestData first = ApplicationTestData.aSalariedApplicant();
        Api.Submitted earlier = api.submit(first);
        api.post(earlier, "/otp/verify", Map.of("code", api.otpFor(first.mobile())));
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant()
                .withApplicant("mobile", first.mobile())
                .withApplicant("nationalId", ApplicationTestData.nationalId("19930505")));
        api.post(a, "/otp/verify", Map.of("code", api.otpFor(first.mobile(), 2)));
        JsonNode task = api.waitFor(() -> {
            JsonNode t = api.staff("fraud", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t.get(0);
        });
        assertThat(java.time.Duration.between(
                        java.time.OffsetDateTime.parse(
                                        task.path("created").asText(),
                                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                                .toInstant(),
                        java.time.OffsetDateTime.parse(
                                        task.path("due").asText(),
                                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                                .toInstant()))
                .isBetween(java.time.Duration.ofMinutes(239), java.time.Duration.ofMinutes(241));
        var overdue = management
                .createJobQuery()
                .processInstanceId(task.path("processInstanceId").asText())
                .activityId("Event_FraudReviewOverdue")
                .singleResult();
        management.executeJob(overdue.getId());

        JsonNode escalated = api.staffPost(
                        "senior", "originate", "/engine-rest/filter/" + filter("senior", "Escalated") + "/list", "{}")
                .json();
        assertThat(escalated.findValuesAsText("id")).contains(task.path("id").asText());
        assertThat(api.staff(
                                "senior",
                                "originate",
                                "/engine-rest/task/" + task.path("id").asText() + "/localVariables")
                        .json()
                        .path("whyHere")
                        .path("value")
                        .asText())
                .startsWith("Overdue since")
                .contains("senior-underwriters");
        assertThat(api.get(a, "/timeline").body()).as("no tipping off").doesNotContainIgnoringCase("fraud");
    }
}
