package io.originate.identity;

import io.originate.process.LoanJourney;
import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenComplianceCase: a listed national ID opens a compliance review beside the decline. */
@Component
@ProcessBean
class OpenComplianceCaseDelegate implements JavaDelegate {

    private final LoanJourney journey;

    OpenComplianceCaseDelegate(LoanJourney journey) {
        this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
        journey.openComplianceReview(execution.getProcessBusinessKey());
    }
}
