package io.originate.signing;

import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_VoidEnvelope: the signing period ended unsigned; the envelope is voided. */
@Component
@ProcessBean
class VoidEnvelopeDelegate implements JavaDelegate {

    private final SigningService signing;

    VoidEnvelopeDelegate(SigningService signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        signing.voidUnsigned(execution.getProcessBusinessKey(), "The signing period ended");
    }
}
