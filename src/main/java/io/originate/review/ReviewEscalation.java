package io.originate.review;

import io.originate.audit.AuditTrail;
import io.originate.decision.ApprovalRouting;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An overdue review moves to the level the approval table names, with that level's time to act. */
@Service
class ReviewEscalation {

    public record Escalated(String group, Instant due) {}

    private final ApprovalRouting routing;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewEscalation(ApprovalRouting routing, AuditTrail audit, Clock clock) {
        this.routing = routing;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Escalated escalate(String applicationId, String overdueGroup) {
        String next = routing.authority(overdueGroup).escalateTo();
        Instant due = clock.instant().plus(routing.authority(next).escalateAfter());
        audit.append(
                applicationId,
                "REVIEW_ESCALATED",
                "Review overdue at " + overdueGroup + "; escalated to " + next + ", due " + due);
        return new Escalated(next, due);
    }
}
