package io.originate.identity;

import io.originate.audit.AuditTrail;
import io.originate.decisionlog.DecisionRecords;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiVault;
import java.util.LinkedHashMap;
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
        // the applicant reads the trail: it says that screening happened, never what it found (no tipping off)
        audit.append(applicationId, "SANCTIONS_SCREENED", "Screened against sanctions and watch lists");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("listId", s.listId());
        evidence.put("source", s.source());
        evidence.put("nameScore", String.format("%.2f", s.score()));
        decisions.record(
                applicationId,
                "SANCTIONS",
                s.outcome().name(),
                s.outcome() == SanctionsList.Outcome.CLEAR ? List.of() : List.of("SANCTIONS_MATCH"),
                evidence,
                null);
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
