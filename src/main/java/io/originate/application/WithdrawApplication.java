package io.originate.application;

import io.originate.audit.AuditTrail;
import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import io.originate.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant withdraws. Accepted at any point before disbursement starts: the application row
 * is locked, so a withdrawal and the start of disbursement cannot both win.
 */
@Service
class WithdrawApplication {

    private final LoanApplications applications;
    private final LoanJourney journey;
    private final AuditTrail audit;

    WithdrawApplication(LoanApplications applications, LoanJourney journey, AuditTrail audit) {
        this.applications = applications;
        this.journey = journey;
        this.audit = audit;
    }

    @Transactional
    public ApplicationStatus withdraw(String applicationId) {
        LoanApplication application = applications.lock(applicationId);
        if (!application.status().isWithdrawable()) {
            throw Refusal.conflict("The application is " + application.status() + " and can no longer be withdrawn");
        }
        audit.append(applicationId, "WITHDRAWAL_REQUESTED", "The applicant asked to withdraw");
        if (!journey.correlate(ProcessVariables.MESSAGE_WITHDRAWAL_REQUESTED, applicationId)) {
            throw Refusal.conflict("The application cannot be withdrawn right now; try again shortly");
        }
        return applications.get(applicationId).status();
    }
}
