package io.originate.disbursement;

import io.originate.audit.AuditTrail;
import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CollectFee: a fee refused for good becomes Error_FeeNotCollected (the loan is cancelled,
 * the fee no longer owed, and the trail says why); an outage fails the job, which is retried.
 */
@Component
@ProcessBean
class CollectFeeDelegate implements JavaDelegate {

    private final Fees fees;
    private final AuditTrail audit;

    CollectFeeDelegate(Fees fees, AuditTrail audit) {
        this.fees = fees;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        try {
            fees.collect(id);
        } catch (PayoutRejectedException e) {
            audit.append(
                    id,
                    "FEE_NOT_COLLECTED",
                    "The fee due at signing could not be collected (" + e.code() + "): the loan will not be paid out");
            fees.settle(id);
            throw new BpmnError("FeeNotCollected", e.getMessage());
        }
    }
}
