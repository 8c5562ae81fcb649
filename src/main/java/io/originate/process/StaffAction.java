package io.originate.process;

import java.util.Map;
import java.util.Set;

/**
 * A staff member completing a task, as the engine glue has checked it: an authenticated user, in a
 * group the model names for the task, setting only the fields of the task's form.
 *
 * @param values the submitted form fields (plain values only)
 * @param userGroups every group the user belongs to, read when the task is completed
 * @param processVariables the variables of the task's process (ids and gateway flags only)
 */
public record StaffAction(
        String taskDefinitionKey,
        String taskName,
        String applicationId,
        String userId,
        Set<String> userGroups,
        Map<String, Object> values,
        Map<String, Object> processVariables) {}
