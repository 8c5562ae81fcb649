package io.originate.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analysts' loop: a model changed in Camunda Modeler and deployed from there (the model
 * alone, {@code deploy-changed-only}) runs with the forms in force; a restart leaves it in force
 * until its file in {@code processes/} changes; staff see which version runs and whether it is
 * the one in Git.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerDeploymentTest {

    private static final Map<String, String> AS_MODELER = Map.of(
            "deployment-name", "LoanOrigination",
            "deployment-source", "Camunda Modeler",
            "deploy-changed-only", "true");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessDeployment deployment;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void backToProcessesFolder() {
        repository
                .createDeploymentQuery()
                .deploymentName("LoanOrigination")
                .list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private static String relabelled() throws IOException {
        String xml = Files.readString(Path.of("processes/LoanOrigination.bpmn"));
        assertThat(xml).contains("name=\"Decide eligibility\"");
        return xml.replace("name=\"Decide eligibility\"", "name=\"Decide on eligibility\"");
    }

    private int runningVersion() {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("LoanOrigination")
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    private JsonNode loanOrigination(String user) {
        for (JsonNode p :
                api.staff(user, "originate", "/api/v1/staff/processes").json()) {
            if (p.path("key").asText().equals("LoanOrigination")) {
                return p;
            }
        }
        throw new AssertionError("LoanOrigination is not listed");
    }

    @Test
    void aModelDeployedAloneFromModelerRunsWithTheFormsInForce() throws IOException {
        assertThat(loanOrigination("analyst").path("matchesProcessesFolder").asBoolean())
                .isTrue();
        String model = relabelled();
        Api.Response refused = api.deploy("underwriter", AS_MODELER, "LoanOrigination.bpmn", model);
        assertThat(refused.status()).as("only process designers deploy").isEqualTo(403);

        Api.Response deployed = api.deploy("analyst", AS_MODELER, "LoanOrigination.bpmn", model);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        int modelerVersion = runningVersion();
        assertThat(api.deploy("analyst", AS_MODELER, "LoanOrigination.bpmn", model)
                        .status())
                .isEqualTo(200);
        assertThat(runningVersion())
                .as("deploy-changed-only: the same model again is no new version")
                .isEqualTo(modelerVersion);

        // the next application that needs a person: its task shows its form and can be completed
        Api.Submitted a = api.referredToSeniors();
        JsonNode task = api.waitFor(() -> {
            JsonNode t = api.staff("senior", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t.get(0);
        });
        Api.Response form = api.staff(
                "senior", "originate", "/engine-rest/task/" + task.path("id").asText() + "/deployed-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("ReviewApplication");
        String basic = java.util.Base64.getEncoder().encodeToString("senior:originate".getBytes());
        assertThat(api.send(
                                "POST",
                                "/engine-rest/task/" + task.path("id").asText() + "/claim",
                                "{\"userId\":\"senior\"}",
                                "Authorization",
                                "Basic " + basic)
                        .status())
                .isEqualTo(204);
        Api.Response done = api.send(
                "POST",
                "/engine-rest/task/" + task.path("id").asText() + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}",
                "Authorization",
                "Basic " + basic);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        api.waitForStatus(a, s -> s.equals("APPROVED"));

        // staff see that what runs is not what Git holds
        JsonNode running = loanOrigination("ops");
        assertThat(running.path("version").asInt()).isEqualTo(modelerVersion);
        assertThat(running.path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(running.path("matchesProcessesFolder").asBoolean()).isFalse();

        // a restart does not silently put the folder's older model back
        deployment.deploy();
        assertThat(runningVersion()).isEqualTo(modelerVersion);
    }

    @Test
    void aModelThatBreaksTheConventionsIsRefusedWithItsReasons() throws IOException {
        String broken = relabelled().replace("formRefBinding=\"latest\"", "formRefBinding=\"deployment\"");
        Api.Response refused = api.deploy("analyst", AS_MODELER, "LoanOrigination.bpmn", broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Task_ReviewApplication").contains("latest");
    }
}
