package io.originate.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What staff could do through the engine REST API beyond their work, each closed: fire or stop a
 * journey's timers, read the variables of applications they do not decide, comment on other teams'
 * tasks, complete a task someone else has claimed, test other people's passwords.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffEngineAbuseTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Response as(String user, String method, String path, String body) {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":originate").getBytes());
        return api.send(method, path, body, "Authorization", "Basic " + basic);
    }

    private Job offerTimer(Api.Submitted a) {
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(a.id())
                .processDefinitionKey("LoanOrigination")
                .singleResult()
                .getId();
        return management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("Event_OfferValidityEnded")
                .singleResult();
    }

    @Test
    void nobodyFiresOrStopsAJourneysTimerThroughTheApi() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        Job timer = offerTimer(a);
        Date due = timer.getDuedate();

        assertThat(as("ops", "POST", "/engine-rest/job/" + timer.getId() + "/execute", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("admin", "POST", "/engine-rest/engine/default/job/" + timer.getId() + "/execute", null)
                        .status())
                .isEqualTo(403);
        Api.Response stop = as("ops", "PUT", "/engine-rest/job/" + timer.getId() + "/retries", "{\"retries\":0}");
        assertThat(stop.status()).isEqualTo(403);
        assertThat(stop.body()).contains("at least one attempt");

        Job after = offerTimer(a);
        assertThat(after.getDuedate())
                .as("a refused run leaves the timer as it was")
                .isEqualTo(due);
        assertThat(after.getRetries()).isPositive();
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void variablesAreReadByTheTeamsThatDecideAndTheTasksOwnTeam() {
        Api.Submitted a = api.referredToSeniors();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(a.id())
                .processDefinitionKey("LoanOrigination")
                .singleResult()
                .getId();
        for (String user : new String[] {"ops", "analyst"}) {
            assertThat(as(user, "GET", "/engine-rest/history/variable-instance?processInstanceId=" + instance, null)
                            .json())
                    .as(user + " reads no history variables")
                    .isEmpty();
            assertThat(as(user, "GET", "/engine-rest/variable-instance?processInstanceIdIn=" + instance, null)
                            .json())
                    .as(user + " reads no running variables")
                    .isEmpty();
        }
        assertThat(as("senior", "GET", "/engine-rest/history/variable-instance?processInstanceId=" + instance, null)
                        .body())
                .contains("monthlyIncome");
    }

    @Test
    void commentsClaimsAndPasswordsStayWithTheirOwners() {
        Api.Submitted a = api.referredToSeniors();
        JsonNode task = api.waitFor(() -> {
            JsonNode t = as("senior", "GET", "/engine-rest/task?processInstanceBusinessKey=" + a.id(), null)
                    .json();
            return t.isEmpty() ? null : t.get(0);
        });
        String id = task.path("id").asText();

        Api.Response foreign = as("ops", "POST", "/engine-rest/task/" + id + "/comment/create", "{\"message\":\"x\"}");
        assertThat(foreign.status())
                .as("refused (Camunda's comment resource answers its own refusals with 400)")
                .isIn(400, 403);
        assertThat(as("kyc", "GET", "/engine-rest/task/" + id + "/comment", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("senior", "POST", "/engine-rest/task/" + id + "/comment/create", "{\"message\":\"mine\"}")
                        .status())
                .isEqualTo(200);
        assertThat(as("senior", "GET", "/engine-rest/task/" + id + "/comment", null)
                        .json()
                        .findValuesAsText("message"))
                .containsExactly("mine");

        if (identity.createUserQuery().userId("seniortwo").count() == 0) {
            var second = identity.newUser("seniortwo");
            second.setPassword("originate");
            identity.saveUser(second);
            identity.createMembership("seniortwo", "senior-underwriters");
        }
        assertThat(as("senior", "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"senior\"}")
                        .status())
                .isEqualTo(204);
        Api.Response other = as(
                "seniortwo",
                "POST",
                "/engine-rest/task/" + id + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("claimed by senior");
        Api.Response again =
                as("seniortwo", "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"seniortwo\"}");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body()).contains("already claimed by senior");

        assertThat(as(
                                "kyc",
                                "POST",
                                "/engine-rest/identity/verify",
                                "{\"username\":\"admin\",\"password\":\"originate\"}")
                        .status())
                .isEqualTo(403);
        assertThat(as("senior", "POST", "/engine-rest/task/no-such-task/complete", "{\"variables\":{}}")
                        .status())
                .as("a refusal, not a server error")
                .isEqualTo(403);
    }
}
