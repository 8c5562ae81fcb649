package io.originate.credit;

import java.util.List;

/** The credit view of one application: the bureau report, the scorecard's grade and fraud signals. */
public record CreditAssessment(
        CreditReport report, int points, String riskGrade, List<String> reasons, List<String> fraudSignals) {}
