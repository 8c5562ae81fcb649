package io.originate.disbursement;

import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendDisbursementNotice. */
@Component
@ProcessBean
class SendDisbursementNoticeDelegate implements JavaDelegate {

    private final Disbursements disbursements;

    SendDisbursementNoticeDelegate(Disbursements disbursements) {
        this.disbursements = disbursements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disbursements.notifyDisbursed(execution.getProcessBusinessKey());
    }
}
