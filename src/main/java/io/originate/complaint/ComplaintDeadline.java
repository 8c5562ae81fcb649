package io.originate.complaint;

import io.originate.process.ProcessBean;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The complaint's times as the model reads them: the answer tasks are due, and the escalation
 * fires, at the complaint's own respond-by time (one source, moved only by a reopening).
 */
@Component("complaintDeadline")
@ProcessBean
public class ComplaintDeadline {

    private final Complaints complaints;

    ComplaintDeadline(Complaints complaints) {
        this.complaints = complaints;
    }

    public Date respondBy(String complaintId) {
        return Date.from(complaints.respondBy(complaintId));
    }

    /** How long after the answer the applicant may reopen the complaint, as an ISO-8601 duration. */
    public String reopenWithin() {
        return complaints.settings().reopenWithin().toString();
    }
}
