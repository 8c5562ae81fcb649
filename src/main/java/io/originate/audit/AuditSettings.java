package io.originate.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The audit anchors ({@code originate.audit}): where the append-only anchor file is, and when an
 * anchor is taken (a cron expression in the lender's business time zone).
 */
@Validated
@ConfigurationProperties("originate.audit")
record AuditSettings(@NotNull Path anchorFile, @NotBlank String anchorCron) {}
