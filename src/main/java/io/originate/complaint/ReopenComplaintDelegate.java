package io.originate.complaint;

import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenComplaint: the applicant reopened it; a new time to answer starts. */
@Component
@ProcessBean
class ReopenComplaintDelegate implements JavaDelegate {

    private final Complaints complaints;

    ReopenComplaintDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.reopened((String) execution.getVariable(ProcessVariables.COMPLAINT_ID));
        execution.setVariable(ProcessVariables.REOPENED, true);
    }
}
