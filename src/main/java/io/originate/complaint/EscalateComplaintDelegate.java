package io.originate.complaint;

import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateComplaint: the answer is overdue; supervisors get a task. */
@Component
@ProcessBean
class EscalateComplaintDelegate implements JavaDelegate {

    private final Complaints complaints;

    EscalateComplaintDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.escalate((String) execution.getVariable(ProcessVariables.COMPLAINT_ID));
    }
}
