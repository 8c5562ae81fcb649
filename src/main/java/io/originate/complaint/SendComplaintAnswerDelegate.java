package io.originate.complaint;

import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendComplaintAnswer: the applicant is sent the answer compliance wrote. */
@Component
@ProcessBean
class SendComplaintAnswerDelegate implements JavaDelegate {

    private final Complaints complaints;

    SendComplaintAnswerDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.sendAnswer((String) execution.getVariable(ProcessVariables.COMPLAINT_ID));
    }
}
