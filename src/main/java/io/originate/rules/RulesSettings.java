package io.originate.rules;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the decision tables come from ({@code originate.rules.location}: a folder, else the
 * classpath), and whether the running app applies changes to that folder, checking every
 * {@code watch-interval}.
 */
@Validated
@ConfigurationProperties("originate.rules")
record RulesSettings(@NotBlank String location, boolean watch, @NotNull Duration watchInterval) {}
