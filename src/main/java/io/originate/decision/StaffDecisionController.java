package io.originate.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.shared.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff read every decision on an application, and which rules are in force. Staff authentication is required. */
@RestController
public class StaffDecisionController {

    public record Decision(
            String id,
            String kind,
            String outcome,
            List<String> reasons,
            JsonNode inputs,
            String tableHash,
            String decidedAt) {}

    private final DecisionRecords records;
    private final RuleBook rules;
    private final Optional<RulesWatcher> watcher;
    private final ObjectMapper json;

    public StaffDecisionController(
            DecisionRecords records, RuleBook rules, Optional<RulesWatcher> watcher, ObjectMapper json) {
        this.records = records;
        this.rules = rules;
        this.watcher = watcher;
        this.json = json;
    }

    @GetMapping("/api/v1/staff/applications/{id}/decisions")
    public List<Decision> decisions(@PathVariable String id) {
        List<DecisionRecords.Record> all = records.all(id);
        if (all.isEmpty()) {
            throw ApiProblem.notFound();
        }
        return all.stream()
                .map(r -> new Decision(
                        r.id(), r.kind(), r.outcome(), r.reasons(), parse(r.inputs()), r.tableHash(), r.decidedAt()))
                .toList();
    }

    @GetMapping("/api/v1/staff/rules")
    public Map<String, Object> rules() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inForce", rules.versions());
        body.put("watching", watcher.isPresent());
        watcher.map(RulesWatcher::status).ifPresent(s -> {
            body.put("lastChangeSeen", s.lastChangeSeen());
            body.put("problems", s.problems());
        });
        return body;
    }

    private JsonNode parse(String inputs) {
        try {
            return json.readTree(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
