package io.originate.identity;

import io.originate.audit.AuditTrail;
import io.originate.decision.DecisionRecords;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiVault;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sanctions screening and the real-name check of an application, each recorded. */
@Service
public class IdentityChecks {

    private final PiiVault vault;
    private final SanctionsList sanctions;
    private final KycProvider kyc;
    private final DecisionRecords decisions;
    private final AuditTrail audit;

    public IdentityChecks(
            PiiVault vault, SanctionsList sanctions, KycProvider kyc, DecisionRecords decisions, AuditTrail audit) {
        this.vault = vault;
        this.sanctions = sanctions;
        this.kyc = kyc;
        this.decisions = decisions;
        this.audit = audit;
    }

    @Transactional
    public SanctionsList.Outcome screen(String applicationId) {
        ApplicantPii pii = vault.read(applicationId);
        SanctionsList.Screening s = sanctions.screen(pii.fullName(), pii.nationalId());
        audit.append(
                applicationId,
                "SANCTIONS_SCREENED",
                "Sanctions screening: " + s.outcome() + (s.listId() == null ? "" : " against " + s.listId())
                        + String.format(" (best name score %.2f)", s.score()));
        if (s.outcome() == SanctionsList.Outcome.HIT) {
            decisions.record(
                    applicationId,
                    "IDENTITY",
                    "DECLINE",
                    List.of("SANCTIONS_MATCH"),
                    Map.of("listId", s.listId(), "match", "NATIONAL_ID"),
                    null);
        }
        return s.outcome();
    }

    /** The evidence a KYC analyst sees: list entry and score, no applicant data beyond the masked name. */
    public SanctionsList.Screening evidence(String applicationId) {
        ApplicantPii pii = vault.read(applicationId);
        return sanctions.screen(pii.fullName(), pii.nationalId());
    }

    @Transactional
    public boolean checkRealName(String applicationId) {
        ApplicantPii pii = vault.read(applicationId);
        boolean match = kyc.matches(pii.fullName(), pii.nationalId(), pii.mobile());
        audit.append(applicationId, "REAL_NAME_CHECKED", "Real-name check: " + (match ? "MATCH" : "MISMATCH"));
        if (!match) {
            decisions.record(
                    applicationId,
                    "IDENTITY",
                    "DECLINE",
                    List.of("IDENTITY_NOT_CONFIRMED"),
                    Map.of("check", "THREE_ELEMENT"),
                    null);
        }
        return match;
    }
}
