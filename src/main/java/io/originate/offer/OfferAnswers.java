package io.originate.offer;

import io.originate.application.ApplicationStatus;
import io.originate.application.ApplicationStatusMarker;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import io.originate.audit.AuditTrail;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.SealedColumn;
import io.originate.privacy.SealedStore;
import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import io.originate.shared.Hashing;
import io.originate.shared.Refusal;
import io.originate.signing.SigningService;
import io.originate.signing.SigningUnavailableException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant's offer: shown, with its agreement document, and answered (accepted into signing, or declined). */
@Service
class OfferAnswers implements SealedStore {

    private final LoanApplications applications;
    private final ApplicationStatusMarker status;
    private final SigningService signing;
    private final LoanJourney journey;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final OfferStore store;
    private final PiiCipher cipher;
    private final Clock clock;

    OfferAnswers(
            LoanApplications applications,
            ApplicationStatusMarker status,
            SigningService signing,
            LoanJourney journey,
            AuditTrail audit,
            JdbcClient jdbc,
            OfferStore store,
            PiiCipher cipher,
            Clock clock) {
        this.applications = applications;
        this.status = status;
        this.signing = signing;
        this.journey = journey;
        this.audit = audit;
        this.jdbc = jdbc;
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void erase(String applicationId) {
        jdbc.sql("update offer set acknowledged_ip = null where application_id = ?")
                .param(applicationId)
                .update();
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.of("offer", "application_id", "acknowledged_ip"));
    }

    public StoredOffer get(LoanApplication a) {
        if (!a.status().hasOffer()) {
            throw Refusal.conflict("There is no offer for this application in status " + a.status());
        }
        return store.find(a.id()).orElseThrow(Refusal::notFound);
    }

    public byte[] document(LoanApplication a) {
        get(a);
        return store.document(a.id());
    }

    /** Accepts the offer shown under this hash and opens the signing; a repeat gives the same envelope. */
    @Transactional
    public SigningService.Started accept(String applicationId, String disclosureHash, Boolean acknowledged, String ip) {
        LoanApplication a = applications.lock(applicationId);
        if (a.status() == ApplicationStatus.OFFER_ACCEPTED || a.status() == ApplicationStatus.SIGNING) {
            return signing.start(applicationId);
        }
        if (!Boolean.TRUE.equals(acknowledged)) {
            throw Refusal.invalid(List.of(new Refusal.FieldError(
                    "acknowledged", "must be true: the applicant must acknowledge the disclosure")));
        }
        if (a.status() != ApplicationStatus.APPROVED) {
            throw Refusal.conflict("The offer cannot be accepted in status " + a.status());
        }
        StoredOffer offer = store.find(applicationId).orElseThrow();
        if (disclosureHash == null || !Hashing.same(disclosureHash, offer.hash())) {
            throw Refusal.conflict("The disclosure hash does not match the current offer; fetch the offer again");
        }
        Instant now = clock.instant();
        if (!now.isBefore(offer.validUntil())) {
            throw Refusal.conflict("The offer expired at " + offer.validUntil());
        }
        jdbc.sql(
                        "update offer set acknowledged_at = ?, acknowledged_hash = ?, acknowledged_ip = ? where application_id = ?")
                .params(Timestamp.from(now), disclosureHash, cipher.encrypt(ip, applicationId), applicationId)
                .update();
        audit.append(
                applicationId, "OFFER_ACCEPTED", "Offer accepted with disclosure " + disclosureHash.substring(0, 12));
        status.mark(applicationId, ApplicationStatus.OFFER_ACCEPTED.name());
        SigningService.Started started;
        try {
            started = signing.start(applicationId);
        } catch (SigningUnavailableException e) {
            // the acceptance rolls back with this answer, so the same request can simply be sent again
            throw Refusal.unavailable(
                    "The e-signature service is not available; try again shortly", Duration.ofSeconds(30));
        }
        if (!journey.correlate(ProcessVariables.MESSAGE_OFFER_ACCEPTED, applicationId)) {
            throw Refusal.conflict("The offer is no longer open");
        }
        return started;
    }

    @Transactional
    public void decline(String applicationId) {
        LoanApplication a = applications.lock(applicationId);
        if (a.status() != ApplicationStatus.APPROVED) {
            throw Refusal.conflict("The offer cannot be declined in status " + a.status());
        }
        audit.append(applicationId, "OFFER_DECLINED", "The applicant declined the offer");
        if (!journey.correlate(ProcessVariables.MESSAGE_OFFER_DECLINED, applicationId)) {
            throw Refusal.conflict("The offer is no longer open");
        }
    }
}
