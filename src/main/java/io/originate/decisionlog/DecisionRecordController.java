package io.originate.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.shared.Refusal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff read every decision on an application (staff authentication is required). */
@RestController
class DecisionRecordController {

    public record Decision(
            String id,
            String kind,
            String outcome,
            List<String> reasons,
            JsonNode inputs,
            String tableHash,
            String decidedAt) {}

    private final DecisionRecords records;
    private final ObjectMapper json;

    DecisionRecordController(DecisionRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @GetMapping("/api/v1/staff/applications/{id}/decisions")
    public List<Decision> decisions(@PathVariable String id) {
        List<DecisionRecords.Record> all = records.all(id);
        if (all.isEmpty()) {
            throw Refusal.notFound();
        }
        return all.stream()
                .map(r -> new Decision(
                        r.id(), r.kind(), r.outcome(), r.reasons(), parse(r.inputs()), r.tableHash(), r.decidedAt()))
                .toList();
    }

    private JsonNode parse(String inputs) {
        try {
            return json.readTree(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
