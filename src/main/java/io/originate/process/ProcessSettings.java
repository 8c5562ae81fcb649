package io.originate.process;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The models and the demo staff ({@code originate.processes.location}: the folder of BPMN models
 * and forms, else the classpath; {@code originate.demo-staff-password}: the password of the demo
 * staff the dev profile creates).
 */
@Validated
@ConfigurationProperties("originate")
record ProcessSettings(Processes processes, String demoStaffPassword) {

    record Processes(@NotBlank String location) {}
}
