package io.originate.complaint;

import io.micrometer.core.instrument.MeterRegistry;
import io.originate.application.LoanApplications;
import io.originate.application.RetentionHold;
import io.originate.audit.AuditTrail;
import io.originate.notification.Notices;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.SealedColumn;
import io.originate.privacy.SealedStore;
import io.originate.process.LoanJourney;
import io.originate.process.Outcomes;
import io.originate.shared.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints about an application and their handling ({@code processes/ComplaintHandling.bpmn}):
 * filed by the applicant, triaged, investigated and answered by compliance within the time the
 * agreement promises, escalated to supervisors when that passes, reopened by the applicant once.
 * Every text (the complaint, the findings, the answer) is kept encrypted.
 */
@Service
class Complaints implements SealedStore, RetentionHold {

    public static final Set<String> CATEGORIES =
            Set.of("DECISION", "PRICING", "SERVICE", "PRIVACY", "DISBURSEMENT", "OTHER");

    public enum Status {
        OPEN,
        ANSWERED,
        REOPENED,
        CLOSED
    }

    public record Complaint(
            String id,
            String applicationId,
            String category,
            Status status,
            Instant createdAt,
            Instant respondBy,
            String outcome,
            Instant answeredAt,
            Instant reopenedAt,
            Instant escalatedAt) {

        boolean reopenable(Instant now, ComplaintSettings settings) {
            return status == Status.ANSWERED
                    && reopenedAt == null
                    && answeredAt != null
                    && now.isBefore(answeredAt.plus(settings.reopenWithin()));
        }
    }

    private static final String COLUMNS = "id, application_id, category, status, created_at, respond_by, outcome,"
            + " answered_at, reopened_at, escalated_at";

    private final JdbcClient jdbc;
    private final LoanApplications applications;
    private final PiiCipher cipher;
    private final AuditTrail audit;
    private final LoanJourney journey;
    private final Notices notices;
    private final MeterRegistry metrics;
    private final ComplaintSettings settings;
    private final Clock clock;

    Complaints(
            JdbcClient jdbc,
            PiiCipher cipher,
            AuditTrail audit,
            LoanJourney journey,
            Notices notices,
            MeterRegistry metrics,
            ComplaintSettings settings,
            Clock clock,
            LoanApplications applications) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.journey = journey;
        this.notices = notices;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<String> reasonToKeep(String applicationId) {
        return jdbc
                .sql("select id from complaint where application_id = ? and status <> ?")
                .params(applicationId, Status.CLOSED.name())
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .map(id -> "complaint " + id + " is not closed");
    }

    /** The borrower's words and the lender's texts; the complaint's dates and outcome stay. */
    @Override
    public void erase(String applicationId) {
        for (String id : jdbc.sql("select id from complaint where application_id = ?")
                .param(applicationId)
                .query(String.class)
                .list()) {
            jdbc.sql("update complaint set ciphertext = ?, findings_ciphertext = null, supervision_ciphertext = null,"
                            + " answer_ciphertext = null where id = ?")
                    .params(cipher.encrypt("", id), id)
                    .update();
        }
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(
                SealedColumn.of("complaint", "id", "ciphertext"),
                SealedColumn.of("complaint", "id", "findings_ciphertext").boundTo("id", ":findings"),
                SealedColumn.of("complaint", "id", "supervision_ciphertext").boundTo("id", ":supervision"),
                SealedColumn.of("complaint", "id", "answer_ciphertext").boundTo("id", ":answer"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Transactional
    public Complaint file(String applicationId, String category, String description) {
        // in the application's row order, so that the retention policy sees it before erasing
        applications.lock(applicationId);
        String id = UUID.randomUUID().toString();
        Instant now = now();
        Instant respondBy = now.plus(settings.respondWithin());
        jdbc.sql("insert into complaint (id, application_id, category, ciphertext, status, created_at, respond_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        applicationId,
                        category,
                        cipher.encrypt(description, id),
                        Status.OPEN.name(),
                        Timestamp.from(now),
                        Timestamp.from(respondBy))
                .update();
        audit.append(
                applicationId,
                "COMPLAINT_FILED",
                "Complaint " + id + " (" + category + ") filed; respond by " + respondBy);
        journey.startComplaint(applicationId, id);
        return find(id).orElseThrow();
    }

    public Optional<Complaint> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from complaint where id = ?")
                .param(id)
                .query((rs, n) -> new Complaint(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Status.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10))))
                .optional();
    }

    public Complaint get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No complaint " + id));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** What the applicant wrote. */
    public String text(String id) {
        return cipher.decrypt(column(id, "ciphertext"), id);
    }

    /** The investigation's findings; empty before there are any. */
    public Optional<String> findings(String id) {
        return Optional.ofNullable(column(id, "findings_ciphertext")).map(c -> cipher.decrypt(c, id + ":findings"));
    }

    /** The answer as sent (or about to be sent); empty before there is one. */
    public Optional<String> answer(String id) {
        return Optional.ofNullable(column(id, "answer_ciphertext")).map(c -> cipher.decrypt(c, id + ":answer"));
    }

    private String column(String id, String column) {
        return jdbc.sql("select " + column + " from complaint where id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1))
                .list()
                .get(0);
    }

    @Transactional
    public void recordFindings(String id, String findings) {
        jdbc.sql("update complaint set findings_ciphertext = ? where id = ?")
                .params(cipher.encrypt(findings, id + ":findings"), id)
                .update();
    }

    @Transactional
    public void recordSupervision(String id, String note) {
        jdbc.sql("update complaint set supervision_ciphertext = ? where id = ?")
                .params(cipher.encrypt(note, id + ":supervision"), id)
                .update();
    }

    /** The answer compliance wrote; sent by {@link #sendAnswer} once the handling ends. */
    @Transactional
    public void recordAnswer(String id, Outcomes.ComplaintOutcome outcome, String answer) {
        jdbc.sql("update complaint set outcome = ?, answer_ciphertext = ? where id = ?")
                .params(outcome.name(), cipher.encrypt(answer, id + ":answer"), id)
                .update();
    }

    /** The applicant is sent the answer; the complaint is answered (and may be reopened once). */
    @Transactional
    public void sendAnswer(String id) {
        Complaint c = get(id);
        if (c.status() == Status.ANSWERED || c.status() == Status.CLOSED) {
            return; // a retried job: sent once
        }
        Instant now = now();
        jdbc.sql("update complaint set status = ?, answered_at = ? where id = ?")
                .params(Status.ANSWERED.name(), Timestamp.from(now), id)
                .update();
        notices.notice(
                c.applicationId(),
                "complaint-answer",
                Map.of(
                        "reference", id,
                        "application", c.applicationId(),
                        "outcome", c.outcome(),
                        "answer", answer(id).orElseThrow(),
                        "reopenWithin", Long.toString(settings.reopenWithin().toDays())));
        audit.append(c.applicationId(), "COMPLAINT_ANSWERED", "Complaint " + id + " answered: " + c.outcome());
    }

    /** The answer is overdue: supervisors are told, and the count of overdue complaints goes up. */
    @Transactional
    public void escalate(String id) {
        Complaint c = get(id);
        jdbc.sql("update complaint set escalated_at = ? where id = ?")
                .params(Timestamp.from(now()), id)
                .update();
        metrics.counter("originate.complaints.overdue").increment();
        audit.append(
                c.applicationId(),
                "COMPLAINT_OVERDUE",
                "Complaint " + id + " not answered by " + c.respondBy() + "; escalated to supervisors");
    }

    /**
     * The applicant reopens an answered complaint: once, within the reopening period. Refused
     * (409) otherwise, saying why.
     */
    @Transactional
    public Complaint reopen(String id) {
        Complaint c = jdbc.sql("select id from complaint where id = ? for update")
                .param(id)
                .query(String.class)
                .optional()
                .map(this::get)
                .orElseThrow(Refusal::notFound);
        if (!c.reopenable(now(), settings)) {
            throw Refusal.conflict(
                    c.reopenedAt() != null
                            ? "The complaint was reopened once already; you may refer it to the financial consumer"
                                    + " protection authority"
                            : c.status() != Status.ANSWERED
                                    ? "The complaint is " + c.status() + ": only an answered complaint can be reopened"
                                    : "The complaint can be reopened within "
                                            + settings.reopenWithin().toDays() + " days of the answer");
        }
        if (!journey.reopenComplaint(id)) {
            throw Refusal.conflict("The complaint can no longer be reopened");
        }
        return get(id);
    }

    /** Called by the model when the applicant has reopened: a new time to answer starts. */
    @Transactional
    public void reopened(String id) {
        Complaint c = get(id);
        Instant now = now();
        Instant respondBy = now.plus(settings.respondWithin());
        jdbc.sql("update complaint set status = ?, reopened_at = ?, respond_by = ? where id = ?")
                .params(Status.REOPENED.name(), Timestamp.from(now), Timestamp.from(respondBy), id)
                .update();
        audit.append(c.applicationId(), "COMPLAINT_REOPENED", "Complaint " + id + " reopened; respond by " + respondBy);
    }

    @Transactional
    public void close(String id) {
        Complaint c = get(id);
        jdbc.sql("update complaint set status = ?, closed_at = ? where id = ?")
                .params(Status.CLOSED.name(), Timestamp.from(now()), id)
                .update();
        audit.append(c.applicationId(), "COMPLAINT_CLOSED", "Complaint " + id + " closed");
    }

    Instant respondBy(String id) {
        return get(id).respondBy();
    }

    ComplaintSettings settings() {
        return settings;
    }
}
