package io.originate.identity;

import io.originate.application.ApplicationStatus;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.notification.Notices;
import io.originate.privacy.PiiCipher;
import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import io.originate.shared.Hashing;
import io.originate.shared.RateLimits;
import io.originate.shared.Refusal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: a 6-digit code sent to the applicant's mobile. Codes are stored only as a
 * keyed hash, live 5 minutes, die after 5 wrong tries; at most 1 send a minute and 5 an hour.
 */
@Service
class OneTimePasswords {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final Duration MIN_INTERVAL = Duration.ofSeconds(60);
    static final int MAX_PER_HOUR = 5;

    public enum Verification {
        VERIFIED,
        WRONG,
        EXHAUSTED,
        EXPIRED,
        NONE_SENT
    }

    public record Result(Verification verification, int attemptsLeft) {}

    private record Challenge(String codeHash, Instant expiresAt, int failedAttempts, Instant verifiedAt) {}

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final Notices notices;
    private final LoanApplications applications;
    private final LoanJourney journey;
    private final AuditTrail audit;
    private final Clock clock;
    private final RateLimits limits;

    OneTimePasswords(
            JdbcClient jdbc,
            PiiCipher cipher,
            Notices notices,
            LoanApplications applications,
            LoanJourney journey,
            AuditTrail audit,
            Clock clock,
            RateLimits limits) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.notices = notices;
        this.applications = applications;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the first code, when the identity check starts. */
    @Transactional
    public void send(String applicationId) {
        send(applicationId, false);
    }

    /**
     * Sends a fresh code the applicant asked for (replacing any earlier one): besides the limits of
     * the application, at most {@code originate.limits.otp-per-mobile} to one mobile across all
     * its applications, so that nobody can flood a phone with codes.
     */
    @Transactional
    public void resend(String applicationId) {
        send(applicationId, true);
    }

    private void send(String applicationId, boolean resend) {
        LoanApplication a = applications.lock(applicationId);
        if (a.status() != ApplicationStatus.VERIFYING_IDENTITY || a.phoneVerifiedAt() != null) {
            throw Refusal.conflict("No phone verification is pending for this application");
        }
        Instant now = clock.instant();
        List<Instant> recent = jdbc.sql(
                        "select sent_at from otp_send where application_id = ? and sent_at > ? order by sent_at")
                .params(applicationId, Timestamp.from(now.minus(Duration.ofHours(1))))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
        if (!recent.isEmpty()) {
            Instant last = recent.get(recent.size() - 1);
            if (last.plus(MIN_INTERVAL).isAfter(now)) {
                throw Refusal.limited(
                        "A code was sent less than a minute ago", Duration.between(now, last.plus(MIN_INTERVAL)));
            }
            if (recent.size() >= MAX_PER_HOUR) {
                throw Refusal.limited(
                        "At most " + MAX_PER_HOUR + " codes are sent per hour",
                        Duration.between(now, recent.get(0).plus(Duration.ofHours(1))));
            }
        }
        if (resend) {
            limits.tryConsume(RateLimits.OTP_PER_MOBILE, a.mobileIndex()).ifPresent(wait -> {
                throw Refusal.limited("Too many codes were sent to this mobile; try again later", wait);
            });
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("delete from otp_challenge where application_id = ?")
                .param(applicationId)
                .update();
        jdbc.sql("insert into otp_challenge (application_id, code_hash, issued_at, expires_at, failed_attempts)"
                        + " values (?, ?, ?, ?, 0)")
                .params(
                        applicationId,
                        hash(applicationId, code),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(LIFETIME)))
                .update();
        jdbc.sql("insert into otp_send (application_id, sent_at) values (?, ?)")
                .params(applicationId, Timestamp.from(now))
                .update();
        notices.text(applicationId, "otp", Map.of("code", code));
        audit.append(applicationId, "OTP_SENT", "A one-time code was sent to the applicant's mobile");
    }

    /** Checks a code; a right one verifies the phone and moves the identity check on. */
    @Transactional
    public Result verify(String applicationId, String code) {
        LoanApplication a = applications.lock(applicationId);
        if (a.status() != ApplicationStatus.VERIFYING_IDENTITY || a.phoneVerifiedAt() != null) {
            throw Refusal.conflict("No phone verification is pending for this application");
        }
        Instant now = clock.instant();
        Challenge c = jdbc.sql("select code_hash, expires_at, failed_attempts, verified_at from otp_challenge"
                        + " where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new Challenge(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional()
                .orElse(null);
        if (c == null) {
            return new Result(Verification.NONE_SENT, 0);
        }
        if (c.failedAttempts() >= MAX_ATTEMPTS) {
            return new Result(Verification.EXHAUSTED, 0);
        }
        if (!now.isBefore(c.expiresAt())) {
            return new Result(Verification.EXPIRED, 0);
        }
        if (code == null || !code.matches("\\d{6}") || !Hashing.same(hash(applicationId, code), c.codeHash())) {
            int failed = c.failedAttempts() + 1;
            jdbc.sql("update otp_challenge set failed_attempts = ? where application_id = ?")
                    .params(failed, applicationId)
                    .update();
            audit.append(applicationId, "OTP_FAILED", "A wrong one-time code was entered");
            return new Result(
                    failed >= MAX_ATTEMPTS ? Verification.EXHAUSTED : Verification.WRONG, MAX_ATTEMPTS - failed);
        }
        jdbc.sql("update otp_challenge set verified_at = ? where application_id = ?")
                .params(Timestamp.from(now), applicationId)
                .update();
        applications.markPhoneVerified(applicationId, now);
        audit.append(applicationId, "PHONE_VERIFIED", "The applicant's mobile was verified with a one-time code");
        if (!journey.correlate(ProcessVariables.MESSAGE_PHONE_VERIFIED, applicationId)) {
            throw new IllegalStateException("The identity check of " + applicationId + " is not waiting for the phone");
        }
        return new Result(Verification.VERIFIED, MAX_ATTEMPTS - c.failedAttempts());
    }

    private String hash(String applicationId, String code) {
        return cipher.tokenMac("otp:" + applicationId + ":" + code);
    }
}
