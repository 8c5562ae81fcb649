package io.originate.process;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The time each team has for its verification and operations tasks, and the team an overdue task
 * goes to as well ({@code originate.task-deadlines}). Loan reviews follow the approval table and
 * complaints the agreement's days; these are the rest.
 */
@Validated
@ConfigurationProperties("originate")
public record TaskDeadlines(@NotEmpty Map<String, @Valid Deadline> taskDeadlines) {

    public record Deadline(@NotNull Duration after, @NotBlank String escalateTo) {}

    /** Whether this team's tasks have a deadline here (loan reviews and complaints have their own). */
    public boolean has(String group) {
        return taskDeadlines.containsKey(group);
    }

    public Deadline of(String group) {
        Deadline deadline = taskDeadlines.get(group);
        if (deadline == null) {
            throw new IllegalArgumentException("originate.task-deadlines names no deadline for " + group);
        }
        return deadline;
    }
}
