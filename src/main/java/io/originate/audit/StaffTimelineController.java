package io.originate.audit;

import io.originate.shared.Refusal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff read an application's timeline (the groups that read decision records: compliance at a
 * complaint, underwriters at a review), with whether its chain verifies.
 */
@RestController
class StaffTimelineController {

    record StaffTimeline(boolean verified, List<AuditTrail.Entry> entries) {}

    private final AuditTrail audit;

    StaffTimelineController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/staff/applications/{id}/timeline")
    public StaffTimeline timeline(@PathVariable String id) {
        List<AuditTrail.Entry> entries = audit.timeline(id);
        if (entries.isEmpty()) {
            throw Refusal.notFound();
        }
        return new StaffTimeline(AuditTrail.verify(entries), entries);
    }
}
