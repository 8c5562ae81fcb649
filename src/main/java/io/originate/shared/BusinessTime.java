package io.originate.shared;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The lender's time zone ({@code originate.business-time}): the calendar of ages, terms, due dates
 * and offer expiry, and how times are written for the borrower (with {@code zone-label}). The
 * application's {@link java.time.Clock} runs in this zone, so {@code LocalDate.now(clock)} is the
 * lender's today; instants stored and exchanged stay UTC.
 */
@Validated
@ConfigurationProperties("originate.business-time")
public record BusinessTime(@NotNull ZoneId zone, @NotBlank String zoneLabel) {}
