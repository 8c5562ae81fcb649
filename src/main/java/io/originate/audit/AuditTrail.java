package io.originate.audit;

import io.originate.shared.Hashing;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tamper-evident record of every step of an application: one hash chain per application.
 *
 * <p>Canonical form of an entry (UTF-8, fields joined by a line feed, no trailing newline):
 * {@code prevHash \n seq \n at \n type \n summary}; {@code hash = SHA-256 hex} of it. {@code at}
 * is UTC with milliseconds ({@code 2026-01-31T08:15:30.123Z}); the first entry's prevHash is 64
 * zeros. Summaries never carry personal data.
 */
@Component
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public record Entry(int seq, String at, String type, String summary, String hash, String prevHash) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an entry in the caller's transaction, so that the record and the step it describes
     * commit together. The application's row and then the chain's head row are locked first: the
     * lock makes concurrent appends to one application wait for each other instead of forking the
     * chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String applicationId, String type, String summary) {
        // Locks in one order, the application's row first, then the chain's head: a step that holds
        // the application row (for update) and then appends would otherwise deadlock on PostgreSQL
        // with an append holding the head, whose entry's foreign key waits for a share of the row.
        jdbc.sql("select id from loan_application where id = ? for update")
                .param(applicationId)
                .query(String.class)
                .optional();
        int moved = jdbc.sql("update audit_head set seq = seq + 1 where application_id = ?")
                .param(applicationId)
                .update();
        if (moved == 0) {
            jdbc.sql("insert into audit_head (application_id, seq, hash) values (?, 1, ?)")
                    .params(applicationId, GENESIS)
                    .update();
        }
        record Head(int seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_head where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new Head(rs.getInt("seq"), rs.getString("hash")))
                .single();
        String at = AT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        String hash = hash(head.hash(), head.seq(), at, type, summary);
        jdbc.sql("insert into audit_event (application_id, seq, at, type, summary, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(applicationId, head.seq(), at, type, summary, head.hash(), hash)
                .update();
        jdbc.sql("update audit_head set hash = ? where application_id = ?")
                .params(hash, applicationId)
                .update();
    }

    public List<Entry> timeline(String applicationId) {
        return jdbc.sql("select seq, at, type, summary, hash, prev_hash from audit_event where application_id = ?"
                        + " order by seq")
                .param(applicationId)
                .query((rs, n) -> new Entry(
                        rs.getInt("seq"),
                        rs.getString("at"),
                        rs.getString("type"),
                        rs.getString("summary"),
                        rs.getString("hash"),
                        rs.getString("prev_hash")))
                .list();
    }

    public static String hash(String prevHash, int seq, String at, String type, String summary) {
        return Hashing.sha256Hex(String.join("\n", prevHash, Integer.toString(seq), at, type, summary));
    }

    /** True when every entry links to its predecessor and its hash matches its content. */
    public static boolean verify(List<Entry> chain) {
        String prev = GENESIS;
        for (Entry e : chain) {
            if (!e.prevHash().equals(prev) || !e.hash().equals(hash(prev, e.seq(), e.at(), e.type(), e.summary()))) {
                return false;
            }
            prev = e.hash();
        }
        return true;
    }
}
