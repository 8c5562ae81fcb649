package io.originate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.process.EngineHardening;
import io.originate.process.ModelConventionsTest;
import io.originate.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's doors: who may complete a staff task and with what, what a model may call, and who
 * may deploy one. The first test replays the authority bypass of the security review step by step
 * through the engine REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    EngineHardening hardening;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private String reviewTask(Api.Submitted a) {
        return api.waitFor(() -> {
            JsonNode t = api.staff("senior", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t.get(0).path("id").asText();
        });
    }

    private int staffRecords(String applicationId) {
        return jdbc.sql("select count(*) from decision_record where application_id = ? and kind = 'REVIEW'")
                .param(applicationId)
                .query(Integer.class)
                .single();
    }

    private static String json(String name, String value) {
        return "{\"variables\":{\"" + name + "\":{\"value\":\"" + value + "\"}}}";
    }

    @Test
    void everyStaffTaskHasItsSummaryEvenWhenAModificationSkipsListeners() {
        Api.Submitted a = api.referredToSeniors();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(a.id())
                .processDefinitionKey("LoanOrigination")
                .singleResult()
                .getId();
        runtime.createProcessInstanceModification(instance)
                .startBeforeActivity("Task_ReviewApplication")
                .execute(true, true); // skip custom listeners and input/output mappings
        JsonNode review = api.staff(
                        "senior",
                        "originate",
                        "/engine-rest/task?taskDefinitionKey=Task_ReviewApplication&processInstanceId=" + instance)
                .json();
        assertThat(review).hasSize(2);
        for (JsonNode task : review) {
            JsonNode summary = api.staff(
                            "senior",
                            "originate",
                            "/engine-rest/task/" + task.path("id").asText() + "/localVariables")
                    .json();
            assertThat(summary.path("reference").path("value").asText()).isEqualTo(a.id());
            assertThat(summary.path("applicant").path("value").asText())
                    .as("masked")
                    .isNotEmpty()
                    .isNotEqualTo("李明");
        }
    }

    @Test
    void anUnderwriterCannotApproveASeniorsLoanByAnyRouteAndNothingIsRecorded() {
        Api.Submitted a = api.referredToSeniors();
        String task = reviewTask(a);
        String approve = json("reviewDecision", "APPROVE");

        // the administrator lends the task to the underwriter, then gives it to a senior
        assertThat(api.staffPost(
                                "admin",
                                "originate",
                                "/engine-rest/task/" + task + "/assignee",
                                "{\"userId\":\"underwriter\"}")
                        .status())
                .isEqualTo(204);
        assertThat(api.staffPost(
                                "admin",
                                "originate",
                                "/engine-rest/task/" + task + "/assignee",
                                "{\"userId\":\"senior\"}")
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.sql(
                                "select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ? and USER_ID_ = 'underwriter'")
                        .param(task)
                        .query(Integer.class)
                        .single())
                .as("the lent grant is revoked with the reassignment")
                .isZero();

        // each step of the bypass is refused
        assertThat(api.staffPost(
                                "underwriter",
                                "originate",
                                "/engine-rest/task/" + task + "/identity-links/delete",
                                "{\"groupId\":\"senior-underwriters\",\"type\":\"candidate\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.send(
                                "PUT",
                                "/engine-rest/task/" + task + "/localVariables/reviewDecision",
                                "{\"value\":\"DECLINE\"}",
                                "Authorization",
                                basic("underwriter"))
                        .status())
                .isEqualTo(403);
        Api.Response complete =
                api.staffPost("underwriter", "originate", "/engine-rest/task/" + task + "/complete", approve);
        assertThat(complete.status()).isEqualTo(403);
        assertThat(api.staffPost("underwriter", "originate", "/engine-rest/task/" + task + "/submit-form", approve)
                        .status())
                .isEqualTo(403);

        // even with an edit grant left behind, the model's group decides, not the task's links
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("underwriter");
        grant.setResource(Resources.TASK);
        grant.setResourceId(task);
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(grant);
        assertThat(api.staffPost(
                                "underwriter",
                                "originate",
                                "/engine-rest/task/" + task + "/identity-links/delete",
                                "{\"groupId\":\"senior-underwriters\",\"type\":\"candidate\"}")
                        .status())
                .isEqualTo(204);
        Api.Response stillRefused =
                api.staffPost("underwriter", "originate", "/engine-rest/task/" + task + "/complete", approve);
        assertThat(stillRefused.status()).isEqualTo(403);
        assertThat(stillRefused.body()).contains("senior-underwriters");

        // a local variable that would hide the decision the gateway reads is refused
        assertThat(api.send(
                                "PUT",
                                "/engine-rest/task/" + task + "/localVariables/reviewDecision",
                                "{\"value\":\"DECLINE\",\"type\":\"String\"}",
                                "Authorization",
                                basic("underwriter"))
                        .status())
                .isEqualTo(204);
        Api.Response shadowed =
                api.staffPost("senior", "originate", "/engine-rest/task/" + task + "/complete", approve);
        assertThat(shadowed.status()).isEqualTo(400);
        assertThat(shadowed.body()).contains("local variable reviewDecision");

        assertThat(staffRecords(a.id())).isZero();
        assertThat(api.get(a, "/timeline").body()).doesNotContain("STAFF_DECISION");
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("REFERRED");
    }

    @Test
    void aCandidateSetsOnlyTheFieldsOfTheFormWithTheValuesItOffers() {
        Api.Submitted a = api.referredToSeniors();
        String task = reviewTask(a);
        Api.Response extra = api.staffPost(
                "senior",
                "originate",
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"},\"eligibilityOutcome\":{\"value\":\"APPROVE\"},"
                        + "\"coolingOff\":{\"value\":\"PT0S\"}}}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.body()).contains("eligibilityOutcome is not a field").contains("coolingOff is not a field");
        assertThat(api.staffPost(
                                "senior",
                                "originate",
                                "/engine-rest/task/" + task + "/complete",
                                json("reviewDecision", "MAYBE"))
                        .body())
                .contains("reviewDecision must be one of APPROVE, COUNTER_OFFER, DECLINE");
        assertThat(api.staffPost("senior", "originate", "/engine-rest/task/" + task + "/complete", "{}")
                        .body())
                .contains("reviewDecision is required");
        assertThat(api.staffPost(
                                "senior",
                                "originate",
                                "/engine-rest/task/" + task + "/bpmnError",
                                "{\"errorCode\":\"AnyError\"}")
                        .status())
                .isEqualTo(403);
        assertThat(staffRecords(a.id())).isZero();

        assertThat(api.staffPost(
                                "senior",
                                "originate",
                                "/engine-rest/task/" + task + "/complete",
                                json("reviewDecision", "APPROVE"))
                        .status())
                .isEqualTo(204);
        assertThat(api.waitForStatus(a, s -> s.matches("APPROVED|DECLINED"))
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        assertThat(jdbc.sql("select decided_by from decision_record where application_id = ? and kind = 'REVIEW'")
                        .param(a.id())
                        .query(String.class)
                        .single())
                .isEqualTo("senior");
    }

    @Test
    void aTaskIsClaimedOnlyByWhoWillWorkOnItAndDecidedWithOneValue() {
        Api.Submitted a = api.referredToSeniors();
        String task = reviewTask(a);
        assertThat(api.staffPost("senior", "originate", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"kyc\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.staffPost(
                                "senior",
                                "originate",
                                "/engine-rest/task/" + task + "/claim",
                                "{\"userId\":\"senior\"}")
                        .status())
                .isEqualTo(204);
        for (String list : new String[] {"[]", "[\"APPROVE\"]"}) {
            Api.Response r = api.staffPost(
                    "senior",
                    "originate",
                    "/engine-rest/task/" + task + "/complete",
                    "{\"variables\":{\"reviewDecision\":{\"value\":" + list + "}}}");
            assertThat(r.status()).as(list).isEqualTo(400);
        }
        assertThat(staffRecords(a.id())).isZero();
    }

    @Test
    void nobodyWorksOnATaskWithoutAnAuthenticatedUser() {
        Api.Submitted a = api.referredToSeniors();
        String task = reviewTask(a);
        assertThat(api.send("POST", "/engine-rest/task/" + task + "/complete", json("reviewDecision", "APPROVE"))
                        .status())
                .isEqualTo(401);
        assertThatThrownBy(() -> tasks.complete(task, Map.of("reviewDecision", "APPROVE")))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("authenticated user");
        assertThatThrownBy(() -> tasks.claim(task, "senior")).isInstanceOf(AuthorizationException.class);
        assertThat(staffRecords(a.id())).isZero();
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("REFERRED");
    }

    @Test
    void theModelsSeeExactlyTheProcessBeans() {
        assertThat(hardening.processBeans()).isEqualTo(ModelConventionsTest.BEANS);
    }

    private static String probe(String expression) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ExpressionProbe" targetNamespace="https://originate.io/test">
                  <process id="ExpressionProbe" name="Expression probe" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Event_ProbeStarted" name="Probe started">
                      <extensionElements>
                        <camunda:executionListener event="start" expression="EXPRESSION"/>
                      </extensionElements>
                      <outgoing>Flow_ProbeStarted_To_ProbeEnded</outgoing>
                    </startEvent>
                    <sequenceFlow id="Flow_ProbeStarted_To_ProbeEnded" sourceRef="Event_ProbeStarted" targetRef="Event_ProbeEnded"/>
                    <endEvent id="Event_ProbeEnded" name="Probe ended">
                      <incoming>Flow_ProbeStarted_To_ProbeEnded</incoming>
                    </endEvent>
                  </process>
                </definitions>
                """
                .replace("EXPRESSION", expression);
    }

    private Api.Response deploy(String user, String fileName, String bpmn) {
        return api.deploy(user, Map.of("deployment-name", "probe"), fileName, bpmn);
    }

    @Test
    void onlyDesignersDeployAndOnlyModelsThatPassTheBuildsChecks() {
        String harmless = probe("${execution.processBusinessKey}");
        assertThat(api.sendBytes("POST", "/engine-rest/deployment/create", new byte[0])
                        .status())
                .isEqualTo(401);
        assertThat(deploy("underwriter", "ExpressionProbe.bpmn", harmless).status())
                .isEqualTo(403);
        assertThat(deploy("admin", "ExpressionProbe.bpmn", harmless).status()).isEqualTo(403);

        Api.Response vault =
                deploy("analyst", "ExpressionProbe.bpmn", probe("${piiVault.read(execution.processBusinessKey)}"));
        assertThat(vault.status()).isEqualTo(400);
        assertThat(vault.body()).contains("piiVault").contains("not a process bean");
        Api.Response script = deploy(
                "analyst",
                "ExpressionProbe.bpmn",
                harmless.replace("camunda:historyTimeToLive=\"1\"", "camunda:historyTimeToLive=\"1\"")
                        .replace(
                                "<endEvent id=\"Event_ProbeEnded\" name=\"Probe ended\">",
                                "<endEvent id=\"Event_ProbeEnded\" name=\"Probe ended\" camunda:class=\"java.lang.Object\">"));
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.body()).contains("camunda:class");
        assertThat(deploy("analyst", "SomethingElse.bpmn", harmless).body())
                .contains("file name must be the process id");

        assertThat(deploy("analyst", "ExpressionProbe.bpmn", harmless).status()).isEqualTo(200);
    }

    @Test
    void atRunTimeAnExpressionReachesNoClassNoEngineAndNoOtherBean() {
        for (String refused : new String[] {
            "${''.getClass().forName('java.lang.Runtime')}",
            "${execution.processEngineServices.identityService}",
            "${execution.getProcessEngine().getIdentityService().createUserQuery().list()}",
            "${productTerms.class}"
        }) {
            Api.Response deployed = deploy("analyst", "ExpressionProbe.bpmn", probe(refused));
            assertThat(deployed.status())
                    .as("refused at deployment: " + refused)
                    .isEqualTo(400);
            assertThat(deployed.body()).contains("models reach no Java class, runtime or engine");
        }
        for (String forbidden : new String[] {
            "${''['class']['name']}",
            "${execution['processEngineServices']['identityService']}",
            "${productTerms['class']}",
            "${execution.setProcessBusinessKey('someone-elses-application')}"
        }) {
            assertThat(deploy("analyst", "ExpressionProbe.bpmn", probe(forbidden))
                            .status())
                    .as("the deployment checks cannot see every call: " + forbidden)
                    .isEqualTo(200);
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("ExpressionProbe"))
                    .as(forbidden)
                    .hasStackTraceContaining("Models may not");
        }
    }

    @Test
    void aModelDeployedThroughTheApiNeverStartsByItself() {
        String timerStart = probe("${execution.processBusinessKey}")
                .replaceFirst(
                        "</startEvent>",
                        "<timerEventDefinition id=\"Event_ProbeStarted_Definition\">"
                                + "<timeDate>2020-01-01T00:00:00Z</timeDate></timerEventDefinition></startEvent>");
        assertThat(timerStart).contains("timerEventDefinition");
        Api.Response deployed = deploy("analyst", "ExpressionProbe.bpmn", timerStart);
        assertThat(deployed.status()).isEqualTo(400);
        assertThat(deployed.body()).contains("processes start only from the app");
    }

    private static String basic(String user) {
        return "Basic "
                + java.util.Base64.getEncoder().encodeToString((user + ":originate").getBytes(StandardCharsets.UTF_8));
    }
}
