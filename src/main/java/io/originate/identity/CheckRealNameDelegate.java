package io.originate.identity;

import io.originate.process.Outcomes;
import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckRealName: sets kycOutcome to MATCH or MISMATCH; a provider outage fails the job (retried). */
@Component
@ProcessBean
class CheckRealNameDelegate implements JavaDelegate {

    private final IdentityChecks checks;

    CheckRealNameDelegate(IdentityChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean match = checks.checkRealName(execution.getProcessBusinessKey());
        execution.setVariable(
                ProcessVariables.KYC_OUTCOME, (match ? Outcomes.RealName.MATCH : Outcomes.RealName.MISMATCH).name());
    }
}
