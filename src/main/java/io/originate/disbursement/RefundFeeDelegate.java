package io.originate.disbursement;

import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RefundFee and Task_ReturnFee: the application ends without a loan; the fee is settled. */
@Component
@ProcessBean
class RefundFeeDelegate implements JavaDelegate {

    private final Fees fees;

    RefundFeeDelegate(Fees fees) {
        this.fees = fees;
    }

    @Override
    public void execute(DelegateExecution execution) {
        fees.settle(execution.getProcessBusinessKey());
    }
}
