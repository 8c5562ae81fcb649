package io.originate.decision;

import io.originate.audit.AuditTrail;
import io.originate.decisionlog.DecisionRecords;
import io.originate.notification.Notices;
import io.originate.rules.RuleBook;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The adverse-action notice: the principal reasons of the decline, in the applicant's words. */
@Service
class DeclineNotices {

    private final DecisionRecords records;
    private final RuleBook rules;
    private final Notices notices;
    private final AuditTrail audit;

    DeclineNotices(DecisionRecords records, RuleBook rules, Notices notices, AuditTrail audit) {
        this.records = records;
        this.rules = rules;
        this.notices = notices;
        this.audit = audit;
    }

    @Transactional
    public void send(String applicationId) {
        DecisionRecords.Summary summary = records.applicantSummary(applicationId, false)
                .orElseThrow(() -> new IllegalStateException("No decision recorded for " + applicationId));
        String reasons = summary.reasons().stream()
                .map(r -> "- " + rules.catalogue().get(r.code()).en() + " / "
                        + rules.catalogue().get(r.code()).zh())
                .collect(Collectors.joining("\n"));
        notices.notice(applicationId, "decline", Map.of("reference", applicationId, "reasons", reasons));
        audit.append(
                applicationId,
                "DECLINE_NOTICE_SENT",
                "Adverse-action notice sent with " + summary.reasons().size() + " reason(s)");
    }
}
