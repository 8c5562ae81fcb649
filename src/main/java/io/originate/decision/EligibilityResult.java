package io.originate.decision;

import io.originate.process.Outcomes;
import io.originate.rules.ReasonCatalogue;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what the eligibility rules found. DECLINE beats REFER beats APPROVE; the reasons are
 * those of the outcome (a decline's are the rows that declined, not the ones that would only have
 * referred), each once, in catalogue order.
 */
public class EligibilityResult {

    private final Set<String> declines = new LinkedHashSet<>();
    private final Set<String> referrals = new LinkedHashSet<>();

    /** Called by the rules: the application must be declined for this reason. */
    public void decline(String reason) {
        declines.add(reason.strip());
    }

    /** Called by the rules: a person must look at the application for this reason. */
    public void refer(String reason) {
        referrals.add(reason.strip());
    }

    public Outcomes.Eligibility outcome() {
        return !declines.isEmpty()
                ? Outcomes.Eligibility.DECLINE
                : !referrals.isEmpty() ? Outcomes.Eligibility.REFER : Outcomes.Eligibility.APPROVE;
    }

    public List<String> reasons(ReasonCatalogue catalogue) {
        return sorted(declines.isEmpty() ? referrals : declines, catalogue);
    }

    private static List<String> sorted(Set<String> codes, ReasonCatalogue catalogue) {
        return codes.stream().sorted(Comparator.comparingInt(catalogue::rank)).toList();
    }
}
