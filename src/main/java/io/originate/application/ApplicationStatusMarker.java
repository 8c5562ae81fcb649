package io.originate.application;

import io.originate.audit.AuditTrail;
import io.originate.process.ProcessBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the applicant-visible status in step with the process. The models call it from execution
 * listeners: {@code ${applicationStatus.mark(execution.processBusinessKey, 'APPROVED')}}; each
 * change is also an entry of the application's audit trail.
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
}
