package io.originate.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.originate.audit.AuditTrail;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.PiiVault;
import io.originate.process.LoanJourney;
import io.originate.shared.Hashing;
import io.originate.shared.RateLimits;
import io.originate.shared.Refusal;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an application in: validates it, stores it (personal data encrypted), starts its process
 * and remembers the answer under the idempotency key — all in one transaction, so that a retry
 * either finds the whole application or nothing.
 */
@Service
class SubmitApplication {

    /** Consent texts the app shows; recorded with each consent so that it can be proven later. */
    public static final String CONSENT_TEXT_VERSION = "2026-01";

    public record Submitted(String id, String status, String accessToken, String submittedAt) {}

    public record Outcome(int statusCode, Submitted body) {}

    private final LoanApplications applications;
    private final AccessTokens tokens;
    private final PiiVault vault;
    private final PiiCipher cipher;
    private final AuditTrail audit;
    private final LoanJourney journey;
    private final Products products;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final RateLimits limits;

    SubmitApplication(
            LoanApplications applications,
            AccessTokens tokens,
            PiiVault vault,
            PiiCipher cipher,
            AuditTrail audit,
            LoanJourney journey,
            Products products,
            JdbcClient jdbc,
            ObjectMapper json,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry metrics,
            RateLimits limits) {
        this.limits = limits;
        this.metrics = metrics;
        this.applications = applications;
        this.tokens = tokens;
        this.vault = vault;
        this.cipher = cipher;
        this.audit = audit;
        this.journey = journey;
        this.products = products;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    public Outcome submit(String idempotencyKey, SubmissionRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw Refusal.malformed("The Idempotency-Key header is required (1 to 255 characters)");
        }
        String requestHash = Hashing.sha256Hex(canonical(request));
        Optional<Outcome> earlier = replay(idempotencyKey, requestHash);
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
            return replay(idempotencyKey, requestHash).orElseThrow(() -> raced);
        }
    }

    private Outcome create(String key, String requestHash, SubmissionRequest r, LocalDate today) {
        String id = UUID.randomUUID().toString();
        String token = tokens.issue();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Outcome outcome =
                new Outcome(201, new Submitted(id, ApplicationStatus.SUBMITTED.name(), token, now.toString()));
        jdbc.sql("insert into idempotency_record (idempotency_key, request_hash, status_code, response, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        key,
                        requestHash,
                        outcome.statusCode(),
                        cipher.encrypt(write(outcome.body()), key),
                        Timestamp.from(now))
                .update();

        SubmissionRequest.Applicant a = r.applicant();
        NationalId nationalId = NationalId.parse(a.nationalId(), today).id().orElseThrow();
        String mobile = a.mobile().strip();
        applications.insert(new LoanApplication(
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
                null));
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
        for (String consent : List.of("CREDIT_BUREAU_QUERY", "PERSONAL_INFORMATION", "ELECTRONIC_RECORDS")) {
            jdbc.sql(
                            "insert into application_consent (application_id, consent, text_version, granted_at) values (?, ?, ?, ?)")
                    .params(id, consent, CONSENT_TEXT_VERSION, Timestamp.from(now))
                    .update();
        }
        audit.append(
                id,
                "APPLICATION_SUBMITTED",
                "Application for " + r.amount() + " over " + r.termMonths() + " months (" + r.productCode()
                        + ") submitted with consents " + CONSENT_TEXT_VERSION);
        metrics.counter("originate.applications.submitted", "product", r.productCode())
                .increment();
        journey.start(id, Map.of());
        return outcome;
    }

    private Optional<Outcome> replay(String key, String requestHash) {
        return jdbc.sql("select request_hash, status_code, response from idempotency_record where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> {
                    if (!Hashing.same(rs.getString("request_hash"), requestHash)) {
                        throw Refusal.conflict("This Idempotency-Key was already used with a different request body");
                    }
                    return new Outcome(rs.getInt("status_code"), read(cipher.decrypt(rs.getString("response"), key)));
                })
                .optional();
    }

    private String canonical(SubmissionRequest request) {
        return write(request);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Submitted read(String text) {
        try {
            return json.readValue(text, Submitted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
