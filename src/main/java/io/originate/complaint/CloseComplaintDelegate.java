package io.originate.complaint;

import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseComplaint: no reopening (or a second answer given): the complaint is closed. */
@Component
@ProcessBean
class CloseComplaintDelegate implements JavaDelegate {

    private final Complaints complaints;

    CloseComplaintDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.close((String) execution.getVariable(ProcessVariables.COMPLAINT_ID));
    }
}
