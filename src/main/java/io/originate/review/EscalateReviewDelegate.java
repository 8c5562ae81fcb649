package io.originate.review;

import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateReview: hands the overdue review to the next level with its own due time. */
@Component
@ProcessBean
class EscalateReviewDelegate implements JavaDelegate {

    private final ReviewEscalation escalation;

    EscalateReviewDelegate(ReviewEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String overdue = (String) execution.getVariable(ProcessVariables.APPROVAL_GROUP);
        ReviewEscalation.Escalated e = escalation.escalate(execution.getProcessBusinessKey(), overdue);
        execution.setVariable(ProcessVariables.ESCALATED_FROM, overdue);
        execution.setVariable(ProcessVariables.APPROVAL_GROUP, e.group());
        execution.setVariable(ProcessVariables.REVIEW_DUE, e.due().toString());
    }
}
