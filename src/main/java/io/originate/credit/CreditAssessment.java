package io.originate.credit;

import java.util.List;

/** The credit view of one application: the bureau report and the fraud signals found. */
public record CreditAssessment(CreditReport report, List<String> fraudSignals) {}
