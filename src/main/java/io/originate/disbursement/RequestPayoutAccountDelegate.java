package io.originate.disbursement;

import io.originate.audit.AuditTrail;
import io.originate.notification.Notices;
import io.originate.process.ProcessBean;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestPayoutAccount: operations ask the applicant to correct the card the payout was refused to. */
@Component
@ProcessBean
class RequestPayoutAccountDelegate implements JavaDelegate {

    private final PayoutAccounts accounts;
    private final Notices notices;
    private final AuditTrail audit;

    RequestPayoutAccountDelegate(PayoutAccounts accounts, Notices notices, AuditTrail audit) {
        this.accounts = accounts;
        this.notices = notices;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        accounts.requestCorrection(id);
        notices.notice(id, "payout-account", Map.of("reference", id));
        audit.append(id, "PAYOUT_ACCOUNT_REQUESTED", "Asked the applicant to correct the payout card");
    }
}
