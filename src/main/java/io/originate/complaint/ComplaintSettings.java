package io.originate.complaint;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Complaint handling ({@code originate.complaints}): the time to answer, counted from filing and
 * again from reopening, and how long after the answer the applicant may reopen it (once).
 */
@Validated
@ConfigurationProperties("originate.complaints")
record ComplaintSettings(@NotNull Duration respondWithin, @NotNull Duration reopenWithin) {}
