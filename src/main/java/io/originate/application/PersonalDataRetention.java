package io.originate.application;

import io.originate.audit.AuditTrail;
import io.originate.privacy.SealedStore;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention policy: once an application has been in a final state for
 * {@code originate.retention.erase-after}, and nothing holds it (a complaint not yet closed), the
 * personal data every module keeps about it is erased, in one transaction per application. The
 * application's row, its decision records, the ledger and its audit chain stay, and the chain
 * records the erasure. Idempotency records, which seal the first answer to a submission, are
 * purged after {@code idempotency-records-for}. Runs daily ({@code cron}); on several nodes the
 * row lock makes each erasure happen once.
 */
@Component
class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    @ConfigurationProperties("originate.retention")
    record Settings(Period eraseAfter, Period idempotencyRecordsFor, int batchSize) {}

    private final Settings settings;
    private final LoanApplications applications;
    private final IdempotencyRecords idempotency;
    private final List<SealedStore> stores;
    private final List<RetentionHold> holds;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    PersonalDataRetention(
            Settings settings,
            LoanApplications applications,
            IdempotencyRecords idempotency,
            List<SealedStore> stores,
            List<RetentionHold> holds,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock) {
        this.settings = settings;
        this.applications = applications;
        this.idempotency = idempotency;
        this.stores = stores;
        this.holds = holds;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${originate.retention.cron}", zone = "${originate.business-time.zone}")
    void daily() {
        int erased = eraseDue();
        int purged = idempotency.purgeBefore(before(settings.idempotencyRecordsFor()));
        log.info("Retention: personal data of {} applications erased, {} idempotency records purged", erased, purged);
    }

    /** Erases what is due; returns how many applications were erased. */
    int eraseDue() {
        Instant cutoff = before(settings.eraseAfter());
        int erased = 0;
        String after = "";
        List<String> due;
        while (!(due = applications.finalSince(cutoff, after, settings.batchSize())).isEmpty()) {
            for (String id : due) {
                try {
                    if (Boolean.TRUE.equals(tx.execute(status -> erase(id)))) {
                        erased++;
                    }
                } catch (RuntimeException e) { // one that cannot be erased now holds up no other
                    log.error("Retention: application {} could not be erased; tried again tomorrow", id, e);
                }
            }
            after = due.get(due.size() - 1);
        }
        return erased;
    }

    private boolean erase(String id) {
        applications.lock(id);
        Optional<String> hold = holds.stream()
                .map(h -> h.reasonToKeep(id))
                .flatMap(Optional::stream)
                .findFirst();
        if (hold.isPresent()) {
            log.info("Retention: application {} kept: {}", id, hold.get());
            return false;
        }
        if (!applications.markErased(id, clock.instant())) {
            return false; // another node was first
        }
        stores.forEach(store -> store.erase(id));
        audit.append(
                id,
                "PERSONAL_DATA_ERASED",
                "Personal data erased after the retention period; the decision, the ledger and this record are kept");
        return true;
    }

    private Instant before(Period period) {
        return clock.instant().atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }
}
