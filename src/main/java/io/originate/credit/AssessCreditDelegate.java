package io.originate.credit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssessCredit: bureau report, score and fraud signals. A bureau outage fails the job (retried). */
@Component
public class AssessCreditDelegate implements JavaDelegate {

    private final CreditAssessments assessments;

    public AssessCreditDelegate(CreditAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.assess(execution.getProcessBusinessKey());
    }
}
