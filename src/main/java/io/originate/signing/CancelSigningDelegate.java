package io.originate.signing;

import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CancelSigning: the applicant withdrew; an envelope still out for signature is voided. */
@Component
@ProcessBean
class CancelSigningDelegate implements JavaDelegate {

    private final SigningService signing;

    CancelSigningDelegate(SigningService signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        signing.voidUnsigned(execution.getProcessBusinessKey(), "The application was withdrawn");
    }
}
