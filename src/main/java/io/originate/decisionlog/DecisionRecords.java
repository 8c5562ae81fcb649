package io.originate.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.originate.rules.RuleBook;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every decision on an application — by rules or by a person — with its inputs (no personal data),
 * outcome, reasons and the version of the table that made it. The applicant's decision comes from
 * the latest of them.
 */
@Component
public class DecisionRecords {

    public record Record(
            String id,
            String kind,
            String outcome,
            List<String> reasons,
            String inputs,
            String tableHash,
            String decidedAt) {}

    public record ReasonView(String code, String description) {}

    public record Summary(String outcome, String riskGrade, List<ReasonView> reasons) {}

    private static final java.util.Set<String> OUTCOMES = java.util.Set.of("APPROVE", "REFER", "DECLINE");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final RuleBook rules;

    private final MeterRegistry metrics;

    public DecisionRecords(JdbcClient jdbc, ObjectMapper json, Clock clock, RuleBook rules, MeterRegistry metrics) {
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.rules = rules;
    }

    /** A decision made by the rules (or a check), with the version of the table that made it. */
    public String record(
            String applicationId,
            String kind,
            String outcome,
            List<String> reasons,
            Map<String, ?> inputs,
            String tableHash) {
        return insert(applicationId, kind, outcome, reasons, inputs, tableHash, null);
    }

    /** A decision made by a person, recorded with who made it. */
    public String recordStaffDecision(
            String applicationId, String kind, String outcome, List<String> reasons, Map<String, ?> inputs, String by) {
        return insert(applicationId, kind, outcome, reasons, inputs, null, by);
    }

    /** Whether this person has already made a decision on the application (four eyes). */
    public boolean decidedBy(String applicationId, String user) {
        return jdbc.sql("select count(*) from decision_record where application_id = ? and decided_by = ?")
                        .params(applicationId, user)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private String insert(
            String applicationId,
            String kind,
            String outcome,
            List<String> reasons,
            Map<String, ?> inputs,
            String tableHash,
            String decidedBy) {
        reasons.forEach(code -> rules.catalogue().get(code));
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("insert into decision_record (id, application_id, kind, outcome, reasons, inputs, table_hash,"
                            + " decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            applicationId,
                            kind,
                            outcome,
                            String.join(",", reasons),
                            json.writeValueAsString(inputs),
                            tableHash,
                            decidedBy,
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        metrics.counter("originate.decisions", "kind", kind, "outcome", outcome).increment();
        return id;
    }

    public List<Record> all(String applicationId) {
        return jdbc.sql("select id, kind, outcome, reasons, inputs, table_hash, decided_at from decision_record"
                        + " where application_id = ? order by decided_at, kind")
                .param(applicationId)
                .query((rs, n) -> new Record(
                        rs.getString("id"),
                        rs.getString("kind"),
                        rs.getString("outcome"),
                        rs.getString("reasons").isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString("reasons").split(",")),
                        rs.getString("inputs"),
                        rs.getString("table_hash"),
                        rs.getTimestamp("decided_at").toInstant().toString()))
                .list();
    }

    public Optional<Record> latest(String applicationId, String kind) {
        List<Record> all =
                all(applicationId).stream().filter(r -> r.kind().equals(kind)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * What the applicant is told once the rules have decided: the latest decision, the risk grade
     * and the reasons in plain words. While a person has still to approve, the decision is REFER
     * (with the rules' reasons, or "a credit officer is reviewing"), never the rules' APPROVE;
     * reasons are the codes applicants may see.
     */
    public Optional<Summary> applicantSummary(String applicationId, boolean awaitingApproval) {
        List<Record> all = all(applicationId).stream()
                .filter(r -> OUTCOMES.contains(r.outcome()))
                .toList();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Record last = all.get(all.size() - 1);
        String outcome = last.outcome();
        List<String> codes = last.reasons();
        if (awaitingApproval && !outcome.equals("REFER")) {
            outcome = "REFER";
            codes = List.of("APPROVAL_REQUIRED");
        }
        String grade = latest(applicationId, "SCORE").map(Record::outcome).orElse(null);
        List<ReasonView> reasons = codes.stream()
                .map(code -> rules.catalogue().get(code).shownToApplicant())
                .distinct()
                .map(code -> new ReasonView(code, rules.catalogue().get(code).en()))
                .toList();
        return Optional.of(new Summary(outcome, grade, reasons));
    }
}
