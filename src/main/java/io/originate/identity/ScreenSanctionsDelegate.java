package io.originate.identity;

import io.originate.process.Outcomes;
import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ScreenSanctions: sets sanctionsOutcome to CLEAR, POSSIBLE_MATCH or HIT. */
@Component
@ProcessBean
class ScreenSanctionsDelegate implements JavaDelegate {

    private final IdentityChecks checks;

    ScreenSanctionsDelegate(IdentityChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                ProcessVariables.SANCTIONS_OUTCOME,
                Outcomes.Sanctions.valueOf(
                                checks.screen(execution.getProcessBusinessKey()).name())
                        .name());
    }
}
