package io.originate.complaint;

import io.originate.audit.AuditTrail;
import io.originate.privacy.PiiCipher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Complaints about an application: answered within 15 days; the text is kept encrypted. */
@Service
class Complaints {

    public static final Set<String> CATEGORIES =
            Set.of("DECISION", "PRICING", "SERVICE", "PRIVACY", "DISBURSEMENT", "OTHER");
    static final Duration RESPOND_WITHIN = Duration.ofDays(15);

    public record Complaint(
            String id, String applicationId, String category, String status, Instant createdAt, Instant respondBy) {}

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    Complaints(JdbcClient jdbc, PiiCipher cipher, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Complaint file(String applicationId, String category, String description) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant respondBy = now.plus(RESPOND_WITHIN);
        jdbc.sql("insert into complaint (id, application_id, category, ciphertext, status, created_at, respond_by)"
                        + " values (?, ?, ?, ?, 'OPEN', ?, ?)")
                .params(
                        id,
                        applicationId,
                        category,
                        cipher.encrypt(description, id),
                        Timestamp.from(now),
                        Timestamp.from(respondBy))
                .update();
        audit.append(
                applicationId,
                "COMPLAINT_FILED",
                "Complaint " + id + " (" + category + ") filed; respond by " + respondBy);
        return new Complaint(id, applicationId, category, "OPEN", now, respondBy);
    }

    public Optional<Complaint> find(String id) {
        return jdbc.sql(
                        "select id, application_id, category, status, created_at, respond_by from complaint where id = ?")
                .param(id)
                .query((rs, n) -> new Complaint(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()))
                .optional();
    }
}
