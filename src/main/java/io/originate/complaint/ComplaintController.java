package io.originate.complaint;

import io.originate.application.Applicant;
import io.originate.shared.ApiProblem;
import io.originate.shared.Text;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    public record Filing(String applicationId, String category, String description) {}

    private final Complaints complaints;

    ComplaintController(Complaints complaints) {
        this.complaints = complaints;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> file(
            @AuthenticationPrincipal Applicant applicant, @RequestBody Filing filing) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (filing.applicationId() == null || filing.applicationId().isBlank()) {
            errors.add(new ApiProblem.FieldError("applicationId", "is required"));
        }
        if (filing.category() == null || !Complaints.CATEGORIES.contains(filing.category())) {
            errors.add(new ApiProblem.FieldError(
                    "category",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    Complaints.CATEGORIES.stream().sorted().toList())));
        }
        if (filing.description() == null
                || filing.description().isBlank()
                || filing.description().length() > 4000) {
            errors.add(new ApiProblem.FieldError("description", "is required, at most 4000 characters"));
        } else if (Text.problem(filing.description(), true) != null) {
            errors.add(new ApiProblem.FieldError("description", Text.problem(filing.description(), true)));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        if (!filing.applicationId().equals(applicant.applicationId())) {
            throw ApiProblem.notFound(); // the token of another application: never say whether this one exists
        }
        Complaints.Complaint c = complaints.file(
                filing.applicationId(), filing.category(), filing.description().strip());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + c.id()))
                .body(view(c));
    }

    @GetMapping("/{id}")
    public Map<String, String> get(@AuthenticationPrincipal Applicant applicant, @PathVariable String id) {
        Complaints.Complaint c = complaints
                .find(id)
                .filter(found -> found.applicationId().equals(applicant.applicationId()))
                .orElseThrow(ApiProblem::notFound);
        return view(c);
    }

    private static Map<String, String> view(Complaints.Complaint c) {
        return Map.of(
                "id", c.id(),
                "applicationId", c.applicationId(),
                "category", c.category(),
                "status", c.status(),
                "createdAt", c.createdAt().toString(),
                "respondBy", c.respondBy().toString());
    }
}
