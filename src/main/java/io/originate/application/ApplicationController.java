package io.originate.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.originate.audit.AuditTrail;
import io.originate.decisionlog.DecisionRecords;
import io.originate.privacy.Masking;
import io.originate.privacy.PiiVault;
import io.originate.shared.Money;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
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
    public ResponseEntity<ApplicationView> get(@ApplicantAccess LoanApplication a) {
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
        ApplicationView view = new ApplicationView(
                a.id(),
                a.status(),
                a.productCode(),
                Money.format(a.amount()),
                a.termMonths(),
                a.submittedAt().toString(),
                applicant,
                decision,
                new NextAction(nextAction(a)));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        pollAfter(a).ifPresent(wait -> ok.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
        return ok.body(view);
    }

    /**
     * While the next step is the app's: how long a client had better wait before asking again
     * ({@code Retry-After}). The automated steps take a second or two; a staff review takes minutes
     * to hours; a cooling-off period lasts as long as the product says.
     */
    static Optional<Duration> pollAfter(LoanApplication a) {
        return switch (a.status()) {
            case SUBMITTED, UNDER_REVIEW, SIGNED, DISBURSING -> Optional.of(Duration.ofSeconds(1));
            case VERIFYING_IDENTITY ->
                a.phoneVerifiedAt() == null ? Optional.empty() : Optional.of(Duration.ofSeconds(1));
            case REFERRED -> Optional.of(Duration.ofSeconds(60));
            case COOLING_OFF -> Optional.of(Duration.ofSeconds(30));
            case APPROVED, OFFER_ACCEPTED, SIGNING, DISBURSED, WITHDRAWN, EXPIRED, DECLINED, CANCELLED ->
                Optional.empty();
        };
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
