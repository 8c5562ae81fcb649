package io.originate.complaint;

import io.originate.application.AccessTokens;
import io.originate.shared.ApiProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/complaints")
public class ComplaintController {

    public record Filing(String applicationId, String category, String description) {}

    private final AccessTokens tokens;
    private final Complaints complaints;

    public ComplaintController(AccessTokens tokens, Complaints complaints) {
        this.tokens = tokens;
        this.complaints = complaints;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> file(
            @RequestHeader(name = "Authorization", required = false) String authorization, @RequestBody Filing filing) {
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
        }
        if (authorization == null) {
            tokens.authorize(null, null);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        tokens.authorize(filing.applicationId(), authorization);
        Complaints.Complaint c = complaints.file(
                filing.applicationId(), filing.category(), filing.description().strip());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + c.id()))
                .body(view(c));
    }

    @GetMapping("/{id}")
    public Map<String, String> get(
            @PathVariable String id, @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (authorization == null) {
            tokens.authorize(null, null);
        }
        Complaints.Complaint c = complaints.find(id).orElseThrow(ApiProblem::notFound);
        tokens.authorize(c.applicationId(), authorization);
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
