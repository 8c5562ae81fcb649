package io.originate.complaint;

import io.originate.application.ApplicantAccess;
import io.originate.application.LoanApplication;
import io.originate.shared.Refusal;
import io.originate.shared.Text;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Complaints, filed and read with the token of the application they concern (web.SecurityChains). */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

    record Filing(String applicationId, String category, String description) {}

    /** A complaint as its applicant sees it: the answer once it is sent, and whether it may be reopened. */
    record ComplaintView(
            String id,
            String applicationId,
            String category,
            String status,
            String createdAt,
            String respondBy,
            String outcome,
            String answer,
            String answeredAt,
            boolean reopenable) {}

    private final Complaints complaints;
    private final Clock clock;

    ComplaintController(Complaints complaints, Clock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<ComplaintView> file(
            @ApplicantAccess LoanApplication application, @RequestBody Filing filing) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (filing.applicationId() == null || filing.applicationId().isBlank()) {
            errors.add(new Refusal.FieldError("applicationId", "is required"));
        }
        if (filing.category() == null || !Complaints.CATEGORIES.contains(filing.category())) {
            errors.add(new Refusal.FieldError(
                    "category",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    Complaints.CATEGORIES.stream().sorted().toList())));
        }
        if (filing.description() == null
                || filing.description().isBlank()
                || filing.description().length() > 4000) {
            errors.add(new Refusal.FieldError("description", "is required, at most 4000 characters"));
        } else if (Text.problem(filing.description(), true) != null) {
            errors.add(new Refusal.FieldError("description", Text.problem(filing.description(), true)));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (!filing.applicationId().equals(application.id())) {
            throw Refusal.notFound(); // the token of another application: never say whether this one exists
        }
        Complaints.Complaint c = complaints.file(
                filing.applicationId(), filing.category(), filing.description().strip());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + c.id()))
                .body(view(c));
    }

    @GetMapping("/{id}")
    public ComplaintView get(@ApplicantAccess LoanApplication application, @PathVariable String id) {
        return view(own(application, id));
    }

    /** The applicant is not satisfied with the answer: reopened once, within the reopening period (else 409). */
    @PostMapping("/{id}/reopen")
    public ResponseEntity<ComplaintView> reopen(@ApplicantAccess LoanApplication application, @PathVariable String id) {
        own(application, id);
        return ResponseEntity.accepted().body(view(complaints.reopen(id)));
    }

    private Complaints.Complaint own(LoanApplication application, String id) {
        return complaints
                .find(id)
                .filter(found -> found.applicationId().equals(application.id()))
                .orElseThrow(Refusal::notFound);
    }

    private ComplaintView view(Complaints.Complaint c) {
        boolean answered = c.answeredAt() != null && c.status() != Complaints.Status.REOPENED;
        return new ComplaintView(
                c.id(),
                c.applicationId(),
                c.category(),
                c.status().name(),
                c.createdAt().toString(),
                c.respondBy().toString(),
                answered ? c.outcome() : null,
                answered ? complaints.answer(c.id()).orElse(null) : null,
                answered ? c.answeredAt().toString() : null,
                c.reopenable(clock.instant(), complaints.settings()));
    }
}
