package io.originate.disbursement;

import io.originate.process.TaskSummary;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What operations see of a refused payout: the rail's answer, the card (masked), and whether it was corrected. */
@Component
@Order(10)
class PayoutTasks implements TaskSummary {

    private final PayoutAccounts accounts;

    PayoutTasks(PayoutAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void summarise(DelegateTask task) {
        if (!task.getTaskDefinitionKey().equals("Task_ResolvePayoutFailure")) {
            return;
        }
        accounts.find(task.getExecution().getProcessBusinessKey()).ifPresent(v -> {
            task.setVariableLocal(
                    "payoutRefusal",
                    v.refusalCode() == null ? "none recorded" : v.refusalCode() + ": " + v.refusalMessage());
            task.setVariableLocal(
                    "payoutCard", v.bankCard() == null ? "the card given at the bank's KYC" : v.bankCard());
            task.setVariableLocal(
                    "payoutCorrection",
                    !v.correctionRequested()
                            ? "not asked yet"
                            : v.correctedSinceRequest() ? "corrected by the applicant" : "asked, not corrected");
            task.setVariableLocal(
                    "whyHere",
                    "The payout was refused (" + v.refusalCode() + "); the loan is signed and waits for its money");
        });
    }
}
