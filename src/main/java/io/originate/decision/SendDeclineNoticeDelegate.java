package io.originate.decision;

import io.originate.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendDeclineNotice: the adverse-action notice with the recorded reasons. */
@Component
@ProcessBean
class SendDeclineNoticeDelegate implements JavaDelegate {

    private final DeclineNotices notices;

    SendDeclineNoticeDelegate(DeclineNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.send(execution.getProcessBusinessKey());
    }
}
