package io.originate.identity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Sanctions screening ({@code originate.sanctions}): the list file, and how alike a name must be
 * to a listed one (Jaro similarity of the normalised or pinyin forms) to be held for review.
 */
@Validated
@ConfigurationProperties("originate.sanctions")
record ScreeningSettings(
        @NotNull Resource list, @DecimalMin(value = "0.5") @DecimalMax(value = "1.0") double nameMatchThreshold) {}
