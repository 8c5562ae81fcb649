package io.originate.application;

import io.originate.audit.AuditTrail;
import io.originate.decisionlog.DecisionRecords;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.Masking;
import io.originate.privacy.PiiVault;
import io.originate.shared.Money;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications")
class ApplicationController {

    private final SubmitApplication submit;
    private final WithdrawApplication withdraw;
    private final LoanApplications applications;
    private final PiiVault vault;
    private final DecisionRecords decisions;
    private final AuditTrail audit;

    ApplicationController(
            SubmitApplication submit,
            WithdrawApplication withdraw,
            LoanApplications applications,
            PiiVault vault,
            DecisionRecords decisions,
            AuditTrail audit) {
        this.submit = submit;
        this.withdraw = withdraw;
        this.applications = applications;
        this.vault = vault;
        this.decisions = decisions;
        this.audit = audit;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<SubmitApplication.Submitted> submit(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody SubmissionRequest request) {
        SubmitApplication.Outcome outcome = submit.submit(key, request);
        return ResponseEntity.status(outcome.statusCode())
                .location(URI.create("/api/v1/applications/" + outcome.body().id()))
                .body(outcome.body());
    }

    // Everything under /{id} is reached only with that application's token (web.SecurityChains).

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        LoanApplication a = applications.get(id);
        ApplicantPii pii = vault.read(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id());
        body.put("status", a.status());
        body.put("productCode", a.productCode());
        body.put("amount", Money.format(a.amount()));
        body.put("termMonths", a.termMonths());
        body.put("submittedAt", a.submittedAt().toString());
        body.put(
                "applicant",
                Map.of(
                        "fullName", Masking.name(pii.fullName()),
                        "nationalId", Masking.nationalId(pii.nationalId()),
                        "mobile", Masking.mobile(pii.mobile())));
        if (!a.status().beforeDecision()) {
            decisions
                    .applicantSummary(id, a.status() == ApplicationStatus.REFERRED)
                    .ifPresent(d -> body.put("decision", d));
        }
        body.put("nextAction", Map.of("type", nextAction(a)));
        return body;
    }

    @PostMapping("/{id}/withdraw")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String id) {
        ApplicationStatus status = withdraw.withdraw(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "status", status));
    }

    @GetMapping("/{id}/timeline")
    public List<AuditTrail.Entry> timeline(@PathVariable String id) {
        return audit.timeline(id);
    }

    static String nextAction(LoanApplication a) {
        return switch (a.status()) {
            case VERIFYING_IDENTITY -> a.phoneVerifiedAt() == null ? "VERIFY_OTP" : "WAIT";
            case APPROVED -> "ACCEPT_OFFER";
            case OFFER_ACCEPTED, SIGNING -> "SIGN";
            case SUBMITTED, UNDER_REVIEW, REFERRED, SIGNED, COOLING_OFF, DISBURSING -> "WAIT";
            case DISBURSED, WITHDRAWN, EXPIRED, DECLINED, CANCELLED -> "NONE";
        };
    }
}
