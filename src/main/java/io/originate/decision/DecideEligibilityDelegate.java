package io.originate.decision;

import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DecideEligibility: runs the eligibility table; sets the outcome and who must approve. */
@Component
@ProcessBean
class DecideEligibilityDelegate implements JavaDelegate {

    private final EligibilityDecision decision;

    DecideEligibilityDelegate(EligibilityDecision decision) {
        this.decision = decision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EligibilityDecision.Outcome outcome = decision.decide(execution.getProcessBusinessKey());
        execution.setVariable(
                ProcessVariables.ELIGIBILITY_OUTCOME, outcome.outcome().name());
        execution.setVariable(ProcessVariables.APPROVAL_GROUP, outcome.approvalGroup());
        execution.setVariable(ProcessVariables.DECISION_RECORD_ID, outcome.recordId());
        if (outcome.reviewDue() != null) {
            execution.setVariable(
                    ProcessVariables.REVIEW_DUE, outcome.reviewDue().toString());
        }
    }
}
