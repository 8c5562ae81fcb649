package io.originate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per path through complaint handling: answered, investigated, overdue, reopened once. */
@Deployment(
        resources = {
            "processes/ComplaintHandling.bpmn",
            "processes/forms/TriageComplaint.form",
            "processes/forms/InvestigateComplaint.form",
            "processes/forms/AnswerComplaint.form",
            "processes/forms/SuperviseOverdueComplaint.form"
        })
class ComplaintHandlingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(
                    LoanOriginationProcessTest.configuration("complaint-test"))
            .assertClassCoverageAtLeast(0.95)
            .build();

    /** The deadline's stand-in: far away unless a test says it has passed. */
    public static class Deadline {
        public Date respondBy(String complaintId) {
            return Date.from(Instant.parse("2099-01-01T00:00:00Z"));
        }

        public String reopenWithin() {
            return "P30D";
        }
    }

    private final List<String> steps = new ArrayList<>();
    private RuntimeService runtime;

    @BeforeEach
    void mocks(ProcessEngine processEngine) {
        init(processEngine);
        runtime = processEngine.getRuntimeService();
        Mocks.register("complaintDeadline", new Deadline());
        Mocks.register("escalateComplaintDelegate", (JavaDelegate) e -> steps.add("escalated"));
        Mocks.register("sendComplaintAnswerDelegate", (JavaDelegate) e -> steps.add("answered"));
        Mocks.register("reopenComplaintDelegate", (JavaDelegate) e -> {
            steps.add("reopened");
            e.setVariable("reopened", true);
        });
        Mocks.register("closeComplaintDelegate", (JavaDelegate) e -> steps.add("closed"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance filed() {
        ProcessInstance complaint = runtime.createProcessInstanceByKey("ComplaintHandling")
                .businessKey("app-1")
                .setVariable("complaintId", "c-1")
                .setVariable("reopened", false)
                .execute();
        assertThat(complaint).isWaitingAt("Task_TriageComplaint");
        assertThat(task("Task_TriageComplaint", complaint)).hasCandidateGroup("compliance");
        return complaint;
    }

    private void answer(ProcessInstance complaint) {
        complete(task("Task_AnswerComplaint", complaint), withVariables("complaintOutcome", "NOT_UPHELD"));
        execute(job("Task_AnswerComplaint", complaint));
        execute(job("Task_SendComplaintAnswer", complaint));
    }

    @Test
    void aSimpleComplaintIsAnsweredAtOnceAndClosedWhenNotReopened() {
        ProcessInstance complaint = filed();
        complete(task("Task_TriageComplaint", complaint), withVariables("complaintTriage", "ANSWER"));
        execute(job("Task_TriageComplaint", complaint));
        assertThat(complaint).isWaitingAt("Task_AnswerComplaint");
        answer(complaint);
        assertThat(complaint).isWaitingAt("Gateway_ApplicantReopens");
        execute(job("Event_ReopeningPeriodEnded", complaint));
        assertThat(complaint).isEnded().hasPassed("Event_ComplaintClosed").hasNotPassed("Task_InvestigateComplaint");
        assertThat(steps).containsExactly("answered", "closed");
    }

    @Test
    void aComplaintThatQuestionsADecisionIsInvestigatedFirst() {
        ProcessInstance complaint = filed();
        complete(task("Task_TriageComplaint", complaint), withVariables("complaintTriage", "INVESTIGATE"));
        execute(job("Task_TriageComplaint", complaint));
        complete(task("Task_InvestigateComplaint", complaint));
        execute(job("Task_InvestigateComplaint", complaint));
        assertThat(complaint).isWaitingAt("Task_AnswerComplaint");
        answer(complaint);
        assertThat(steps).containsExactly("answered");
    }

    @Test
    void anOverdueComplaintReachesSupervisorsWhileItsHandlingGoesOn() {
        ProcessInstance complaint = filed();
        execute(job("Event_ComplaintOverdue", complaint));
        assertThat(complaint).isWaitingAt("Task_TriageComplaint", "Task_SuperviseOverdueComplaint");
        assertThat(task("Task_SuperviseOverdueComplaint", complaint)).hasCandidateGroup("compliance-supervisors");
        complete(task("Task_SuperviseOverdueComplaint", complaint));
        execute(job("Task_SuperviseOverdueComplaint", complaint));
        complete(task("Task_TriageComplaint", complaint), withVariables("complaintTriage", "ANSWER"));
        execute(job("Task_TriageComplaint", complaint));
        answer(complaint);
        assertThat(steps).containsExactly("escalated", "answered");
        assertThat(complaint).hasPassed("Event_OverdueSupervised");
    }

    @Test
    void aComplaintIsReopenedOnceAndThenClosedWithTheSecondAnswer() {
        ProcessInstance complaint = filed();
        complete(task("Task_TriageComplaint", complaint), withVariables("complaintTriage", "ANSWER"));
        execute(job("Task_TriageComplaint", complaint));
        answer(complaint);
        runtime.createMessageCorrelation("Message_ComplaintReopened")
                .processInstanceVariableEquals("complaintId", "c-1")
                .correlate();
        assertThat(complaint).isWaitingAt("Task_TriageComplaint");
        complete(task("Task_TriageComplaint", complaint), withVariables("complaintTriage", "INVESTIGATE"));
        execute(job("Task_TriageComplaint", complaint));
        complete(task("Task_InvestigateComplaint", complaint));
        execute(job("Task_InvestigateComplaint", complaint));
        answer(complaint);
        assertThat(complaint).isEnded().hasPassed("Event_ComplaintClosed");
        assertThat(steps).containsExactly("answered", "reopened", "answered", "closed");
    }
}
