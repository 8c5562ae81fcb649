package io.originate.disbursement;

import io.originate.audit.AuditTrail;
import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DisburseLoan: a refused payout becomes Error_PayoutRejected; a rail outage fails the job (retried). */
@Component
@ProcessBean
class DisburseLoanDelegate implements JavaDelegate {

    private final Disbursements disbursements;
    private final AuditTrail audit;
    private final PayoutAccounts accounts;

    DisburseLoanDelegate(Disbursements disbursements, AuditTrail audit, PayoutAccounts accounts) {
        this.disbursements = disbursements;
        this.audit = audit;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            disbursements.disburse(execution.getProcessBusinessKey());
        } catch (PayoutRejectedException e) {
            accounts.refused(execution.getProcessBusinessKey(), e.code(), e.getMessage());
            audit.append(execution.getProcessBusinessKey(), "PAYOUT_REJECTED", "Payout refused: " + e.code());
            throw new BpmnError("PayoutRejected", e.getMessage());
        }
    }
}
