package io.originate.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.originate.audit.AuditTrail;
import io.originate.decisionlog.DecisionRecords;
import io.originate.privacy.Masking;
import io.originate.privacy.PiiVault;
import io.originate.shared.Money;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final PiiVault vault;
    private final DecisionRecords decisions;
    private final AuditTrail audit;

    ApplicationController(
            SubmitApplication submit,
            WithdrawApplication withdraw,
            PiiVault vault,
            DecisionRecords decisions,
            AuditTrail audit) {
        this.submit = submit;
        this.withdraw = withdraw;
        this.vault = vault;
        this.decisions = decisions;
        this.audit = audit;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<SubmitApplication.Submitted> submit(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody SubmissionRequest request) {
        IdempotencyRecords.Answer<SubmitApplication.Submitted> outcome = submit.submit(key, request);
        return ResponseEntity.status(outcome.statusCode())
                .location(URI.create("/api/v1/applications/" + outcome.body().id()))
                .body(outcome.body());
    }

    /** The application as the applicant sees it: their details masked, the decision once there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApplicationView(
            String id,
            ApplicationStatus status,
            String productCode,
            String amount,
            int termMonths,
            String submittedAt,
            MaskedApplicant applicant,
            DecisionRecords.Summary decision,
            NextAction nextAction) {}

    record MaskedApplicant(String fullName, String nationalId, String mobile) {}

    record NextAction(String type) {}

    record Withdrawn(String id, ApplicationStatus status) {}

    // Everything under /{id} is reached only with that application's token (web.SecurityChains),
    // and acts on the application of the token (ApplicantAccess), whatever the path says.

    @GetMapping("/{id}")
    public ApplicationView get(@ApplicantAccess LoanApplication a) {
        MaskedApplicant applicant = vault.find(a.id())
                .map(pii -> new MaskedApplicant(
                        Masking.name(pii.fullName()),
                        Masking.nationalId(pii.nationalId()),
                        Masking.mobile(pii.mobile())))
                .orElse(null); // erased under the retention policy
        DecisionRecords.Summary decision = a.status().beforeDecision()
                ? null
                : decisions
                        .applicantSummary(a.id(), a.status() == ApplicationStatus.REFERRED)
                        .orElse(null);
        return new ApplicationView(
                a.id(),
                a.status(),
                a.productCode(),
                Money.format(a.amount()),
                a.termMonths(),
                a.submittedAt().toString(),
                applicant,
                decision,
                new NextAction(nextAction(a)));
    }

    @PostMapping("/{id}/withdraw")
    public ResponseEntity<Withdrawn> withdraw(@ApplicantAccess LoanApplication a) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Withdrawn(a.id(), withdraw.withdraw(a.id())));
    }

    @GetMapping("/{id}/timeline")
    public List<AuditTrail.Entry> timeline(@ApplicantAccess LoanApplication a) {
        return audit.timeline(a.id());
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
