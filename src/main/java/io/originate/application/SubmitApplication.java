package io.originate.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.originate.audit.AuditTrail;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.PiiVault;
import io.originate.privacy.SealedStore;
import io.originate.process.LoanJourney;
import io.originate.shared.RateLimits;
import io.originate.shared.Refusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an application in: validates it, stores it (personal data encrypted), records the
 * consents, starts its process and remembers the answer under the idempotency key — all in one
 * transaction, so that a retry either finds the whole application or nothing.
 */
@Service
class SubmitApplication implements SealedStore {

    public record Submitted(String id, String status, String accessToken, String submittedAt) {}

    private final IdempotencyRecords idempotency;
    private final Consents consents;
    private final LoanApplications applications;
    private final AccessTokens tokens;
    private final PiiVault vault;
    private final PiiCipher cipher;
    private final AuditTrail audit;
    private final LoanJourney journey;
    private final Products products;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final RateLimits limits;

    SubmitApplication(
            IdempotencyRecords idempotency,
            Consents consents,
            LoanApplications applications,
            AccessTokens tokens,
            PiiVault vault,
            PiiCipher cipher,
            AuditTrail audit,
            LoanJourney journey,
            Products products,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry metrics,
            RateLimits limits) {
        this.idempotency = idempotency;
        this.consents = consents;
        this.limits = limits;
        this.metrics = metrics;
        this.applications = applications;
        this.tokens = tokens;
        this.vault = vault;
        this.cipher = cipher;
        this.audit = audit;
        this.journey = journey;
        this.products = products;
        this.tx = tx;
        this.clock = clock;
    }

    public IdempotencyRecords.Answer<Submitted> submit(String idempotencyKey, SubmissionRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw Refusal.malformed("The Idempotency-Key header is required (1 to 255 characters)");
        }
        String requestHash = idempotency.hashOf(request);
        Optional<IdempotencyRecords.Answer<Submitted>> earlier =
                idempotency.replay(idempotencyKey, requestHash, Submitted.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        LocalDate today = LocalDate.now(clock);
        List<Refusal.FieldError> errors = SubmissionValidator.validate(request, products, today);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        // each new application texts a code to its mobile: a phone is not to be flooded
        limits.tryConsume(
                        RateLimits.SUBMISSION_PER_MOBILE,
                        cipher.blindIndex("mobile", request.applicant().mobile().strip()))
                .ifPresent(wait -> {
                    throw Refusal.limited("Too many applications with this mobile number; try again later", wait);
                });
        try {
            return tx.execute(status -> create(idempotencyKey, requestHash, request, today));
        } catch (DataIntegrityViolationException raced) {
            // another request with the same key committed first
            return idempotency
                    .replay(idempotencyKey, requestHash, Submitted.class)
                    .orElseThrow(() -> raced);
        }
    }

    private IdempotencyRecords.Answer<Submitted> create(
            String key, String requestHash, SubmissionRequest r, LocalDate today) {
        String id = UUID.randomUUID().toString();
        String token = tokens.issue();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IdempotencyRecords.Answer<Submitted> answer = new IdempotencyRecords.Answer<>(
                201, new Submitted(id, ApplicationStatus.SUBMITTED.name(), token, now.toString()));
        idempotency.remember(key, requestHash, answer, now);

        SubmissionRequest.Applicant a = r.applicant();
        NationalId nationalId = NationalId.parse(a.nationalId(), today).id().orElseThrow();
        String mobile = a.mobile().strip();
        applications.insert(
                new LoanApplication(
                        id,
                        ApplicationStatus.SUBMITTED,
                        r.productCode(),
                        new BigDecimal(r.amount()),
                        r.termMonths(),
                        r.purpose(),
                        a.employmentStatus(),
                        a.employmentMonths(),
                        new BigDecimal(a.monthlyIncome()),
                        new BigDecimal(a.monthlyDebtPayments()),
                        cipher.blindIndex("nationalId", nationalId.value()),
                        cipher.blindIndex("mobile", mobile),
                        cipher.blindIndex("device", r.device().deviceId()),
                        AccessTokens.hash(token),
                        now,
                        null),
                cipher.indexKeyId());
        vault.store(
                id,
                new ApplicantPii(
                        a.fullName().strip(),
                        nationalId.value(),
                        nationalId.birthDate(),
                        mobile,
                        a.email().strip(),
                        a.residentialAddress().strip(),
                        r.device().deviceId(),
                        r.device().ipAddress()));
        consents.recordAll(id, now);
        audit.append(
                id,
                "APPLICATION_SUBMITTED",
                "Application for " + r.amount() + " over " + r.termMonths() + " months (" + r.productCode()
                        + ") submitted with consents " + Consents.TEXT_VERSION);
        metrics.counter("originate.applications.submitted", "product", r.productCode())
                .increment();
        journey.start(id, Map.of());
        return answer;
    }

    /** The indexes {@link #create} made, made again under the current index key from the vault's record. */
    @Override
    public long rowsToReindex() {
        return applications.countIndexedUnderOtherKey(cipher.indexKeyId());
    }

    @Override
    public int reindex(int batch) {
        List<String> ids = applications.indexedUnderOtherKey(cipher.indexKeyId(), batch);
        for (String id : ids) {
            ApplicantPii pii = vault.read(id);
            applications.reindex(
                    id,
                    cipher.blindIndex("nationalId", pii.nationalId()),
                    cipher.blindIndex("mobile", pii.mobile()),
                    cipher.blindIndex("device", pii.deviceId()),
                    cipher.indexKeyId());
        }
        return ids.size();
    }
}
