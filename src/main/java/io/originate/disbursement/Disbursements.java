package io.originate.disbursement;

import io.originate.application.ApplicationStatus;
import io.originate.application.ApplicationStatusMarker;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.notification.Notices;
import io.originate.offer.Disclosure;
import io.originate.offer.OfferStore;
import io.originate.shared.Money;
import io.originate.signing.SigningService;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pays out a signed loan exactly once; the start of disbursement closes the withdrawal window. */
@Service
class Disbursements {

    private final LoanApplications applications;
    private final PayoutGateway payouts;
    private final AuditTrail audit;
    private final Notices notices;
    private final OfferStore offers;
    private final SigningService signing;
    private final Fees fees;
    private final ApplicationStatusMarker statuses;

    Disbursements(
            LoanApplications applications,
            ApplicationStatusMarker statuses,
            PayoutGateway payouts,
            AuditTrail audit,
            Notices notices,
            OfferStore offers,
            SigningService signing,
            Fees fees) {
        this.offers = offers;
        this.signing = signing;
        this.fees = fees;
        this.statuses = statuses;
        this.applications = applications;
        this.payouts = payouts;
        this.audit = audit;
        this.notices = notices;
    }

    /**
     * Pays out. The money moves only on the evidence of a signed agreement (a completed envelope)
     * and a collected fee, whatever status the application shows: a status is set by the models, a
     * signature only by the borrower.
     */
    @Transactional(noRollbackFor = PayoutRejectedException.class)
    public String disburse(String applicationId) {
        if (!signing.signed(applicationId)) {
            throw new IllegalStateException(
                    "Application " + applicationId + " has no signed agreement: nothing is paid");
        }
        boolean started = statuses.transition(
                applicationId,
                ApplicationStatus.DISBURSING,
                EnumSet.of(ApplicationStatus.SIGNED, ApplicationStatus.COOLING_OFF, ApplicationStatus.DISBURSING),
                "Disbursement started: the application can no longer be withdrawn");
        if (!started) {
            throw new IllegalStateException("Application " + applicationId + " is not ready for disbursement");
        }
        // the principal of the signed offer: a counter-offer pays out less than was asked
        Disclosure signed = offers.find(applicationId).orElseThrow().disclosure();
        BigDecimal principal = new BigDecimal(signed.principal());
        String currency = signed.currency();
        String payout = payouts.pay(applicationId, principal, currency);
        audit.append(
                applicationId,
                "LOAN_PAID_OUT",
                "Paid out " + Money.format(principal) + " " + currency + " as payout " + payout);
        return payout;
    }

    @Transactional
    public void notifyDisbursed(String applicationId) {
        LoanApplication a = applications.get(applicationId);
        Disclosure d = offers.find(applicationId).orElseThrow().disclosure();
        notices.notice(
                applicationId,
                "disbursed",
                Map.of(
                        "reference", applicationId,
                        "amount", d.principal(),
                        "currency", d.currency(),
                        "monthlyPayment", d.monthlyPayment(),
                        "firstDueDate", d.schedule().get(0).dueDate()));
        audit.append(a.id(), "DISBURSEMENT_NOTICE_SENT", "Disbursement notice sent to the applicant");
    }
}
