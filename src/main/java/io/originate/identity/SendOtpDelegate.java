package io.originate.identity;

import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendOneTimePassword: sends the first code of the identity check. */
@Component
@ProcessBean
class SendOtpDelegate implements JavaDelegate {

    private final OneTimePasswords otp;

    SendOtpDelegate(OneTimePasswords otp) {
        this.otp = otp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        otp.send(execution.getProcessBusinessKey());
    }
}
