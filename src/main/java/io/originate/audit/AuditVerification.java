package io.originate.audit;

import io.originate.shared.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves the audit trail: every chain checked entry by entry (the first broken entry named), and
 * anchors that make rewriting history detectable by someone who kept only them. An anchor is the
 * SHA-256 of the heads of all chains at a moment (one line {@code applicationId headHash} per
 * chain, sorted by application id, each ended by a line feed), appended with its time to an
 * append-only file and written to the log; the database keeps which entry each head was.
 * Rewriting an old entry changes the hash of every later entry of its chain, the anchored head
 * included, even if every hash is recomputed: the anchors taken since no longer match.
 */
@Service
public class AuditVerification {

    private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The first entry of a chain that does not hold, and why. */
    public record Broken(String applicationId, int seq, String why) {}

    /** One anchor: when it was taken, the combined hash of the heads, and how many chains it covers. */
    public record Anchor(String at, String hash, int chains) {

        String line() {
            return at + " " + hash + " " + chains;
        }

        static Anchor parse(String line) {
            String[] f = line.strip().split(" ");
            return new Anchor(f[0], f[1], Integer.parseInt(f[2]));
        }
    }

    /** What a verification found: chains and entries checked, broken chains, anchors that no longer match. */
    public record Report(
            boolean holds, int chains, int entries, List<Broken> broken, int anchors, List<Anchor> mismatchedAnchors) {

        Report(int chains, int entries, List<Broken> broken, int anchors, List<Anchor> mismatchedAnchors) {
            this(broken.isEmpty() && mismatchedAnchors.isEmpty(), chains, entries, broken, anchors, mismatchedAnchors);
        }
    }

    private final JdbcClient jdbc;
    private final AuditSettings settings;
    private final Clock clock;

    AuditVerification(JdbcClient jdbc, AuditSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A chain's recorded head: its last entry's number and hash. */
    record Head(int seq, String hash) {}

    /**
     * The first entry of this chain that does not hold: a gap, a broken link, a hash, or a chain
     * that ends before its recorded head (read before the entries, so entries appended since are
     * beyond it and checked as links).
     */
    static Optional<Broken> firstBroken(String applicationId, List<AuditTrail.Entry> chain, Head head) {
        String prev = AuditTrail.GENESIS;
        int expected = 1;
        for (AuditTrail.Entry e : chain) {
            if (e.seq() != expected) {
                return Optional.of(new Broken(applicationId, expected, "entry " + expected + " is missing"));
            }
            if (!e.prevHash().equals(prev)) {
                return Optional.of(new Broken(applicationId, e.seq(), "does not link to the entry before it"));
            }
            if (!e.hash().equals(AuditTrail.hash(prev, e.seq(), e.at(), e.type(), e.summary()))) {
                return Optional.of(new Broken(applicationId, e.seq(), "its hash does not match its content"));
            }
            prev = e.hash();
            expected++;
        }
        if (head != null) {
            if (chain.size() < head.seq()) {
                return Optional.of(new Broken(applicationId, expected, "the chain ends before its recorded head"));
            }
            if (!chain.get(head.seq() - 1).hash().equals(head.hash())) {
                return Optional.of(new Broken(applicationId, head.seq(), "its hash is not the recorded head"));
            }
        }
        return Optional.empty();
    }

    /** Checks every chain, and every anchor in the anchor file against the chains as they were then. */
    public Report verify() {
        Map<String, Head> heads = new LinkedHashMap<>();
        jdbc.sql("select application_id, seq, hash from audit_head order by application_id")
                .query(rs -> {
                    heads.put(rs.getString(1), new Head(rs.getInt(2), rs.getString(3)));
                });
        List<Broken> broken = new ArrayList<>();
        int entries = 0;
        for (Map.Entry<String, Head> chain : heads.entrySet()) {
            List<AuditTrail.Entry> events = timeline(chain.getKey());
            entries += events.size();
            firstBroken(chain.getKey(), events, chain.getValue()).ifPresent(broken::add);
        }
        List<Anchor> anchors = anchors();
        List<Anchor> mismatched = new ArrayList<>();
        for (Anchor anchor : anchors) {
            if (!anchor.hash().equals(combinedHeadsOf(anchor.at()))) {
                mismatched.add(anchor);
            }
        }
        return new Report(heads.size(), entries, broken, anchors.size(), mismatched);
    }

    /**
     * Takes an anchor now, over the heads committed at this moment: which entry each head was is
     * kept in the database, the combined hash is appended to the anchor file (forced to disk) and
     * written to the log.
     */
    @Scheduled(cron = "${originate.audit.anchor-cron}", zone = "${originate.business-time.zone}")
    @Transactional
    public Anchor anchor() {
        String at = AT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Map<String, Head> heads = new LinkedHashMap<>();
        jdbc.sql("select application_id, seq, hash from audit_head order by application_id")
                .query(rs -> {
                    heads.put(rs.getString(1), new Head(rs.getInt(2), rs.getString(3)));
                });
        heads.forEach((applicationId, head) -> jdbc.sql(
                        "insert into audit_anchor_head (anchor_at, application_id, seq) values (?, ?, ?)")
                .params(at, applicationId, head.seq())
                .update());
        Anchor anchor = new Anchor(at, combined(heads), heads.size());
        Path file = settings.anchorFile();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel out = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                out.write(StandardCharsets.UTF_8.encode(anchor.line() + "\n"));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append the audit anchor to " + file, e);
        }
        log.info("Audit anchor {}", anchor.line());
        return anchor;
    }

    private static String combined(Map<String, Head> heads) {
        StringBuilder lines = new StringBuilder();
        heads.forEach((applicationId, head) ->
                lines.append(applicationId).append(' ').append(head.hash()).append('\n'));
        return Hashing.sha256Hex(lines.toString());
    }

    /** The anchors of the anchor file, oldest first (none before the first is taken). */
    public List<Anchor> anchors() {
        Path file = settings.anchorFile();
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(Anchor::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit anchors in " + file, e);
        }
    }

    /** The combined hash of the entries that were the chains' heads when this anchor was taken. */
    String combinedHeadsOf(String anchorAt) {
        Map<String, Head> heads = new LinkedHashMap<>();
        jdbc.sql("select a.application_id, a.seq, e.hash from audit_anchor_head a left join audit_event e"
                        + " on e.application_id = a.application_id and e.seq = a.seq where a.anchor_at = ?"
                        + " order by a.application_id")
                .param(anchorAt)
                .query(rs -> {
                    heads.put(rs.getString(1), new Head(rs.getInt(2), String.valueOf(rs.getString(3))));
                });
        return combined(heads);
    }

    private List<AuditTrail.Entry> timeline(String applicationId) {
        return jdbc.sql("select seq, at, type, summary, hash, prev_hash from audit_event where application_id = ?"
                        + " order by seq")
                .param(applicationId)
                .query((rs, n) -> new AuditTrail.Entry(
                        rs.getInt("seq"),
                        rs.getString("at"),
                        rs.getString("type"),
                        rs.getString("summary"),
                        rs.getString("hash"),
                        rs.getString("prev_hash")))
                .list();
    }
}
