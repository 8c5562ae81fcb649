package io.originate.complaint;

import io.originate.application.LoanApplications;
import io.originate.decisionlog.DecisionRecords;
import io.originate.process.ProcessVariables;
import io.originate.process.TaskSummary;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a complaint's tasks show besides the application's summary: the complaint, its deadline,
 * the decisions so far, and the applicant's words and the findings in clear for the handlers
 * (task-local, kept out of the history: {@link TaskSummary#UNRECORDED}).
 */
@Component
@Order(10)
class ComplaintTasks implements TaskSummary {

    private final Complaints complaints;
    private final DecisionRecords decisions;
    private final LoanApplications applications;

    ComplaintTasks(Complaints complaints, DecisionRecords decisions, LoanApplications applications) {
        this.complaints = complaints;
        this.decisions = decisions;
        this.applications = applications;
    }

    @Override
    public void summarise(DelegateTask task) {
        Object id = task.getExecution().getVariable(ProcessVariables.COMPLAINT_ID);
        if (id == null) {
            return;
        }
        Complaints.Complaint c = complaints.get(id.toString());
        task.setVariableLocal(
                "whyHere",
                (c.escalatedAt() != null ? "Overdue since " + c.respondBy() + ": " : "") + "a complaint ("
                        + c.category() + ") to answer by " + c.respondBy());
        task.setVariableLocal("complaintReference", c.id());
        task.setVariableLocal("complaintCategory", c.category());
        task.setVariableLocal("complaintFiled", c.createdAt().toString());
        task.setVariableLocal("complaintRespondBy", c.respondBy().toString());
        task.setVariableLocal("complaintReopened", c.reopenedAt() == null ? "no" : "yes, " + c.reopenedAt());
        task.setVariableLocal("complaintText", complaints.text(c.id()));
        task.setVariableLocal("complaintFindings", complaints.findings(c.id()).orElse("none yet"));
        task.setVariableLocal(
                "decisionsSoFar",
                decisions.all(c.applicationId()).stream()
                        .map(r -> r.kind() + " " + r.outcome()
                                + (r.reasons().isEmpty() ? "" : " (" + String.join(", ", r.reasons()) + ")"))
                        .collect(Collectors.joining("; ")));
        task.setVariableLocal(
                "applicationStatus",
                applications.get(c.applicationId()).status().name());
    }
}
