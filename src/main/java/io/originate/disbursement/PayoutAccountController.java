package io.originate.disbursement;

import io.originate.application.ApplicantAccess;
import io.originate.application.LoanApplication;
import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import io.originate.shared.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's payout card: given or corrected until the loan is paid out (a correction that
 * operations asked for retries the payout), shown only by its last four digits.
 */
@RestController
@RequestMapping("/api/v1/applications/{id}/payout-account")
class PayoutAccountController {

    record Card(String bankCardNumber) {}

    record AccountView(String bankCard, boolean correctionRequested, String refusalCode, String refusalMessage) {}

    private final PayoutAccounts accounts;
    private final LoanJourney journey;

    PayoutAccountController(PayoutAccounts accounts, LoanJourney journey) {
        this.accounts = accounts;
        this.journey = journey;
    }

    @GetMapping
    AccountView get(@ApplicantAccess LoanApplication a) {
        return accounts.find(a.id())
                .map(v -> new AccountView(
                        v.bankCard(),
                        v.correctionRequested() && !v.correctedSinceRequest(),
                        v.refusalCode(),
                        v.refusalMessage()))
                .orElse(new AccountView(null, false, null, null));
    }

    @PutMapping
    @Transactional
    ResponseEntity<AccountView> put(@ApplicantAccess LoanApplication a, @RequestBody Card card) {
        if (a.status().isFinal()) {
            throw Refusal.conflict("The application is " + a.status() + ": its payout card can no longer change");
        }
        accounts.set(a.id(), card.bankCardNumber());
        journey.correlate(ProcessVariables.MESSAGE_PAYOUT_ACCOUNT_CORRECTED, a.id());
        return ResponseEntity.ok(get(a));
    }
}
