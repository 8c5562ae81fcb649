package io.originate.complaint;

import io.originate.application.ApplicantAccess;
import io.originate.application.LoanApplication;
import io.originate.shared.Refusal;
import io.originate.shared.Text;
import java.net.URI;
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

    record ComplaintView(
            String id, String applicationId, String category, String status, String createdAt, String respondBy) {}

    private final Complaints complaints;

    ComplaintController(Complaints complaints) {
        this.complaints = complaints;
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
        Complaints.Complaint c = complaints
                .find(id)
                .filter(found -> found.applicationId().equals(application.id()))
                .orElseThrow(Refusal::notFound);
        return view(c);
    }

    private static ComplaintView view(Complaints.Complaint c) {
        return new ComplaintView(
                c.id(),
                c.applicationId(),
                c.category(),
                c.status(),
                c.createdAt().toString(),
                c.respondBy().toString());
    }
}
