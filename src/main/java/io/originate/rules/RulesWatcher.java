package io.originate.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the rules folder (default profile): when a table, a scenario file or the reason catalogue
 * changes, the whole folder is compiled and its scenarios run; only if all pass do the new tables
 * take over. Otherwise the tables in force stay, and the problems are logged and kept for the
 * staff endpoint {@code GET /api/v1/staff/rules}.
 */
@Component
@ConditionalOnProperty(name = "originate.rules.watch", havingValue = "true")
class RulesWatcher {

    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

    record Status(List<String> versions, Instant lastChangeSeen, List<String> problems) {}

    private final RuleBook rules;
    private final Path folder;
    private final Clock clock;
    private volatile String fingerprint;
    private volatile Instant lastChangeSeen;
    private volatile List<String> problems = List.of();

    RulesWatcher(RuleBook rules, RulesSettings settings, Clock clock) {
        this.rules = rules;
        this.folder = Path.of(settings.location());
        this.clock = clock;
        this.fingerprint = fingerprint();
    }

    @Scheduled(fixedDelayString = "${originate.rules.watch-interval}")
    void poll() {
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            return;
        }
        fingerprint = now;
        lastChangeSeen = clock.instant();
        List<String> found = rules.reload();
        problems = found;
        if (found.isEmpty()) {
            log.info("rules/ changed: now in force {}", rules.versions());
        } else {
            log.error(
                    "rules/ changed but the change is not applied; the tables in force stay {}:\n  {}",
                    rules.versions(),
                    String.join("\n  ", found));
        }
    }

    Status status() {
        return new Status(rules.versions(), lastChangeSeen, problems);
    }

    private String fingerprint() {
        return RuleFolder.fingerprint(folder);
    }
}
