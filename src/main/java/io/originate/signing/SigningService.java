package io.originate.signing;

import io.originate.application.ApplicationStatus;
import io.originate.application.ProductTerms;
import io.originate.audit.AuditTrail;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiVault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One envelope per application: created once, its signing link given again on request. */
@Service
public class SigningService {

    public record Started(String envelopeId, String signingUrl) {}

    /**
     * An envelope; {@code expiresAt} is when its signing period ends (null for envelopes made before
     * it was kept), {@code applicationEnded} whether its application has reached a final status.
     */
    public record Envelope(
            String id, String applicationId, String status, Instant expiresAt, boolean applicationEnded) {

        /**
         * Closed: signed, declined or voided. A closed envelope keeps the story it closed with: no
         * later event (webhook or signing page) changes it.
         */
        public boolean closed() {
            return !status.equals("sent");
        }

        /** Whether it can still be signed: not closed, in its period, its application going on. */
        public boolean open(Instant now) {
            return !closed() && !applicationEnded && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    private static final String SELECT =
            "select e.id, e.application_id, e.status, e.expires_at, a.status as application_status"
                    + " from envelope e join loan_application a on a.id = e.application_id";

    private final ESignature esign;
    private final PiiVault vault;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Function<String, byte[]> documents;
    private final ProductTerms terms;

    public SigningService(
            ESignature esign,
            PiiVault vault,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock,
            AgreementDocuments documents,
            ProductTerms terms) {
        this.terms = terms;
        this.esign = esign;
        this.vault = vault;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.documents = documents::forApplication;
    }

    @Transactional
    public Started start(String applicationId) {
        ApplicantPii pii = vault.read(applicationId);
        ESignature.Signer signer = new ESignature.Signer(pii.fullName(), pii.email(), applicationId);
        Optional<Envelope> existing = forApplication(applicationId);
        String envelopeId;
        if (existing.isPresent()) {
            envelopeId = existing.get().id();
        } else {
            envelopeId = esign.createEnvelope(applicationId, documents.apply(applicationId), signer);
            Instant now = clock.instant();
            Instant expires = now.atZone(ZoneOffset.UTC)
                    .plus(terms.product(applicationId).signingValidFor())
                    .toInstant();
            jdbc.sql("insert into envelope (id, application_id, provider, status, created_at, updated_at, expires_at)"
                            + " values (?, ?, ?, 'sent', ?, ?, ?)")
                    .params(
                            envelopeId,
                            applicationId,
                            esign.provider(),
                            Timestamp.from(now),
                            Timestamp.from(now),
                            Timestamp.from(expires))
                    .update();
            audit.append(
                    applicationId,
                    "ENVELOPE_SENT",
                    "Envelope " + envelopeId + " sent for signature (" + esign.provider() + ")");
        }
        return new Started(envelopeId, esign.signingUrl(envelopeId, signer, null));
    }

    public Optional<Envelope> forApplication(String applicationId) {
        return jdbc.sql(SELECT + " where e.application_id = ?")
                .param(applicationId)
                .query(SigningService::map)
                .optional();
    }

    /** Whether the borrower signed the agreement: the application's envelope is completed. */
    public boolean signed(String applicationId) {
        return forApplication(applicationId)
                .filter(e -> e.status().equals("completed"))
                .isPresent();
    }

    public Optional<Envelope> find(String envelopeId) {
        return jdbc.sql(SELECT + " where e.id = ?")
                .param(envelopeId)
                .query(SigningService::map)
                .optional();
    }

    private static Envelope map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Envelope(
                rs.getString("id"),
                rs.getString("application_id"),
                rs.getString("status"),
                expires == null ? null : expires.toInstant(),
                ApplicationStatus.valueOf(rs.getString("application_status")).isFinal());
    }

    void setStatus(String envelopeId, String status) {
        jdbc.sql("update envelope set status = ?, updated_at = ? where id = ?")
                .params(status, Timestamp.from(clock.instant()), envelopeId)
                .update();
    }

    /** Signing is over unsigned (its period ended, the applicant withdrew): the envelope can no longer be signed. */
    @Transactional
    public void voidUnsigned(String applicationId, String reason) {
        forApplication(applicationId).filter(e -> e.status().equals("sent")).ifPresent(e -> {
            esign.voidEnvelope(e.id(), reason);
            setStatus(e.id(), "voided");
            audit.append(applicationId, "ENVELOPE_VOIDED", "Envelope " + e.id() + " voided: " + reason);
        });
    }
}
