package io.originate.complaint;

import io.originate.audit.AuditTrail;
import io.originate.process.Outcomes;
import io.originate.process.ProcessVariables;
import io.originate.process.StaffAction;
import io.originate.process.StaffDecisionPolicy;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What compliance and its supervisors decide on a complaint: the findings, the answer and the
 * supervisors' note are kept encrypted with the complaint, never in the process; the applicant's
 * trail says only that the complaint moved on.
 */
@Component
class ComplaintDecisions implements StaffDecisionPolicy {

    private static final Map<String, String> TASKS = Map.of(
            "Task_TriageComplaint", "Complaint triaged",
            "Task_InvestigateComplaint", "Complaint investigated",
            "Task_AnswerComplaint", "Complaint answer written",
            "Task_SuperviseOverdueComplaint", "Overdue complaint taken up by a supervisor");

    private final Complaints complaints;
    private final AuditTrail audit;

    ComplaintDecisions(Complaints complaints, AuditTrail audit) {
        this.complaints = complaints;
        this.audit = audit;
    }

    @Override
    public Set<String> tasks() {
        return TASKS.keySet();
    }

    @Override
    public Set<String> keptOutOfTheProcess() {
        return Set.of("complaintFindings", "complaintAnswer", "supervisionNote");
    }

    @Override
    public void decide(StaffAction action) {
        String complaint = complaintOf(action);
        Map<String, Object> values = action.values();
        switch (action.taskDefinitionKey()) {
            case "Task_InvestigateComplaint" -> complaints.recordFindings(complaint, text(values, "complaintFindings"));
            case "Task_AnswerComplaint" ->
                complaints.recordAnswer(
                        complaint,
                        Outcomes.ComplaintOutcome.valueOf(
                                String.valueOf(values.get(ProcessVariables.COMPLAINT_OUTCOME))),
                        text(values, "complaintAnswer"));
            case "Task_SuperviseOverdueComplaint" ->
                complaints.recordSupervision(complaint, text(values, "supervisionNote"));
            default -> {}
        }
        audit.append(
                action.applicationId(),
                "COMPLAINT_STEP",
                TASKS.get(action.taskDefinitionKey()) + " (" + complaint + ")");
    }

    private String complaintOf(StaffAction action) {
        return complaints
                .find(String.valueOf(action.processVariables().get(ProcessVariables.COMPLAINT_ID)))
                .filter(c -> c.applicationId().equals(action.applicationId()))
                .map(Complaints.Complaint::id)
                .orElseThrow(() -> new Refused("This task belongs to no complaint of this application"));
    }

    private static String text(Map<String, Object> values, String field) {
        if (!(values.get(field) instanceof String s) || s.isBlank()) {
            throw new Refused(field + " must be written");
        }
        return s.strip();
    }
}
