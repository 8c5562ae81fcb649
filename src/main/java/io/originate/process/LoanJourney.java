package io.originate.process;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one way the rest of the code starts or steers a loan's process: the application id is the
 * business key of the main process and of every process it calls.
 */
@Component
public class LoanJourney {

    private final RuntimeService runtime;

    public LoanJourney(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(String applicationId, Map<String, Object> flags) {
        runtime.createProcessInstanceByKey(ProcessVariables.LOAN_ORIGINATION)
                .businessKey(applicationId)
                .setVariable(ProcessVariables.APPLICATION_ID, applicationId)
                .setVariables(flags)
                .execute();
    }

    /** Starts the compliance review of an application (once: a second call finds the first). */
    public void openComplianceReview(String applicationId) {
        boolean open = runtime.createProcessInstanceQuery()
                        .processDefinitionKey(ProcessVariables.COMPLIANCE_REVIEW)
                        .processInstanceBusinessKey(applicationId)
                        .count()
                > 0;
        if (!open) {
            runtime.createProcessInstanceByKey(ProcessVariables.COMPLIANCE_REVIEW)
                    .businessKey(applicationId)
                    .setVariable(ProcessVariables.APPLICATION_ID, applicationId)
                    .execute();
        }
    }

    /**
     * Delivers a message to the application's process. False when nothing waits for it (the
     * process has moved on or ended), so that a caller can answer "already done" or "too late".
     * The wait is looked up first: a failed correlation would mark the caller's transaction
     * rollback-only, and "nothing waits" must not undo the caller's own work.
     */
    public boolean correlate(String message, String applicationId) {
        long waiting = runtime.createExecutionQuery()
                .processInstanceBusinessKey(applicationId)
                .messageEventSubscriptionName(message)
                .count();
        if (waiting == 0) {
            return false;
        }
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(applicationId)
                .correlateWithResult();
        return true;
    }

    /** Starts the handling of a complaint about an application. */
    public void startComplaint(String applicationId, String complaintId) {
        runtime.createProcessInstanceByKey(ProcessVariables.COMPLAINT_HANDLING)
                .businessKey(applicationId)
                .setVariable(ProcessVariables.APPLICATION_ID, applicationId)
                .setVariable(ProcessVariables.COMPLAINT_ID, complaintId)
                .setVariable(ProcessVariables.REOPENED, false)
                .execute();
    }

    /** Reopens an answered complaint; false when its handling no longer waits for that. */
    public boolean reopenComplaint(String complaintId) {
        long waiting = runtime.createExecutionQuery()
                .processVariableValueEquals(ProcessVariables.COMPLAINT_ID, complaintId)
                .messageEventSubscriptionName(ProcessVariables.MESSAGE_COMPLAINT_REOPENED)
                .count();
        if (waiting == 0) {
            return false;
        }
        runtime.createMessageCorrelation(ProcessVariables.MESSAGE_COMPLAINT_REOPENED)
                .processInstanceVariableEquals(ProcessVariables.COMPLAINT_ID, complaintId)
                .correlateWithResult();
        return true;
    }
}
