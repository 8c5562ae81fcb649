package io.originate.credit;

import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssessCredit: bureau report, score and fraud signals (their count steers the fraud review). A bureau outage fails the job (retried). */
@Component
@ProcessBean
class AssessCreditDelegate implements JavaDelegate {

    private final CreditAssessments assessments;

    AssessCreditDelegate(CreditAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CreditAssessment assessment = assessments.assess(execution.getProcessBusinessKey());
        execution.setVariable(
                ProcessVariables.FRAUD_SIGNALS, assessment.fraudSignals().size());
    }
}
