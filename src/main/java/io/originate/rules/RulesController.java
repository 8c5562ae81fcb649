package io.originate.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff see which tables are in force and, when the folder is watched, what stopped the last change. */
@RestController
class RulesController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RulesInForce(List<String> inForce, boolean watching, Instant lastChangeSeen, List<String> problems) {}

    private final RuleBook rules;
    private final Optional<RulesWatcher> watcher;

    RulesController(RuleBook rules, Optional<RulesWatcher> watcher) {
        this.rules = rules;
        this.watcher = watcher;
    }

    @GetMapping("/api/v1/staff/rules")
    RulesInForce rules() {
        return watcher.map(RulesWatcher::status)
                .map(s -> new RulesInForce(rules.versions(), true, s.lastChangeSeen(), s.problems()))
                .orElseGet(() -> new RulesInForce(rules.versions(), false, null, null));
    }
}
