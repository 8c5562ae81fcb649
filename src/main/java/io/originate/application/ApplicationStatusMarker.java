package io.originate.application;

import io.originate.audit.AuditTrail;
import io.originate.process.ProcessBean;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an application's applicant-visible status changes after submission, each change an
 * entry of its audit trail. The models set the status from execution listeners: {@code
 * ${applicationStatus.mark(execution.processBusinessKey, 'APPROVED')}}. Two changes are made in
 * Java, inside the transaction of the step they belong to: OFFER_ACCEPTED with the acceptance
 * (before the message moves the process on, so that a second acceptance finds it taken), and
 * DISBURSING as a guarded {@link #transition} when the payout starts (atomically against a
 * withdrawal). SUBMITTED is the status an application is created with.
 */
@Component("applicationStatus")
@ProcessBean
public class ApplicationStatusMarker {

    private final LoanApplications applications;
    private final AuditTrail audit;

    public ApplicationStatusMarker(LoanApplications applications, AuditTrail audit) {
        this.applications = applications;
        this.audit = audit;
    }

    @Transactional
    public void mark(String applicationId, String status) {
        ApplicationStatus to = ApplicationStatus.valueOf(status);
        ApplicationStatus from = applications.get(applicationId).status();
        if (from == to) {
            return;
        }
        if (from.isFinal()) {
            throw new IllegalStateException("Application " + applicationId + " is already " + from);
        }
        applications.setStatus(applicationId, to);
        audit.append(applicationId, "STATUS_" + to.name(), "Status changed from " + from + " to " + to);
    }

    /**
     * Moves to a status only from one of the given ones, in one statement; false, and nothing
     * changed, when the application is elsewhere.
     */
    @Transactional
    public boolean transition(String applicationId, ApplicationStatus to, Set<ApplicationStatus> from, String told) {
        if (!applications.transition(applicationId, to, from)) {
            return false;
        }
        audit.append(applicationId, "STATUS_" + to.name(), told);
        return true;
    }
}
