package io.originate.credit;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** The sandbox bureau's file of national IDs that answer otherwise than a clean file ({@code originate.sandbox.bureau-file}). */
@Validated
@ConfigurationProperties("originate.sandbox")
record SandboxBureauSettings(@NotNull Resource bureauFile) {}
