package io.originate.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The checks in front of every staff action on a task, made inside the engine's transaction and
 * before the action, so that a refusal reaches the caller as 403 or 400 with its reason and
 * changes nothing. The engine itself checks none of this.
 *
 * <ul>
 *   <li>every task operation needs an authenticated user (no anonymous or internal caller);
 *   <li>a completion is allowed only to members of the groups the model names for the task
 *       (its candidate-group expression, such as {@code ${approvalGroup}}), never to whoever the
 *       task's editable identity links name;
 *   <li>it may set only the fields of the task's form, with the values the form offers, and no
 *       task-local variable may shadow them (the gateway reads the process's value);
 *   <li>the {@link StaffDecisionPolicy} then applies authority limits and four eyes and records
 *       the decision, in the same transaction.
 * </ul>
 */
final class StaffTaskGate {

    private final Supplier<List<StaffDecisionPolicy>> policies;

    StaffTaskGate(Supplier<List<StaffDecisionPolicy>> policies) {
        this.policies = policies;
    }

    /** Wraps a task or form service command so that it runs only for an authenticated user. */
    <T> Command<T> staffOnly(Command<T> command) {
        return context -> {
            requireUser(context);
            return command.execute(context);
        };
    }

    /**
     * A task is claimed by the person who will work on it (or given up by them), never for someone
     * else, and not by someone whose decision would be refused anyway (four eyes).
     */
    <T> Command<T> claim(String taskId, String claimant, Command<T> command) {
        return context -> {
            String user = requireUser(context);
            if (claimant != null && !claimant.equals(user)) {
                throw new AuthorizationException("A task is claimed by the person who will work on it; " + user
                        + " cannot claim it for " + claimant);
            }
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (claimant != null
                    && task != null
                    && task.getAssignee() != null
                    && !task.getAssignee().equals(claimant)) {
                throw new AuthorizationException(
                        "'" + modelName(task) + "' is already claimed by " + task.getAssignee());
            }
            if (claimant != null && task != null && task.getExecution() != null) {
                for (StaffDecisionPolicy policy : policies.get()) {
                    if (policy.tasks().contains(task.getTaskDefinitionKey())) {
                        try {
                            policy.checkClaim(
                                    task.getTaskDefinitionKey(),
                                    task.getExecution().getProcessBusinessKey(),
                                    user);
                        } catch (StaffDecisionPolicy.Refused refused) {
                            throw new AuthorizationException(refused.getMessage());
                        }
                    }
                }
            }
            return command.execute(context);
        };
    }

    /**
     * A task's due date is when it escalates, set by the model from the rules (the approval
     * table's time to act, the complaint's deadline): nobody moves it from Tasklist, or the list
     * and the escalation would tell two stories.
     */
    <T> Command<T> saving(org.camunda.bpm.engine.task.Task edited, Command<T> command) {
        return context -> {
            requireUser(context);
            TaskEntity stored =
                    edited.getId() == null ? null : context.getTaskManager().findTaskById(edited.getId());
            if (stored != null && !sameInstant(stored.getDueDate(), edited.getDueDate())) {
                throw new AuthorizationException("The due date of '" + stored.getName()
                        + "' is when it escalates; it follows the rules and cannot be changed here");
            }
            return command.execute(context);
        };
    }

    /** The task's name in the model ("Review application"), not the list's name with whose and how much. */
    private static String modelName(TaskEntity task) {
        var name = task.getTaskDefinition().getNameExpression();
        return name != null ? name.getExpressionText() : task.getName();
    }

    private static boolean sameInstant(java.util.Date a, java.util.Date b) {
        return a == null ? b == null : b != null && a.getTime() == b.getTime();
    }

    /** Only the task's assignee or a member of its groups works with its comments and attachments. */
    Command<Void> participant(String taskId, boolean writing) {
        return context -> {
            String user = requireUser(context);
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                if (writing && taskId != null) {
                    throw new AuthorizationException("The task has ended: its comments and attachments are closed");
                }
                return null; // an ended task: the history permissions decide who reads it
            }
            if (user.equals(task.getAssignee())) {
                return null;
            }
            Set<String> groups = groupsOf(context, user);
            boolean candidate = task.getIdentityLinks().stream()
                    .anyMatch(link -> link.getGroupId() != null && groups.contains(link.getGroupId()));
            if (!candidate) {
                throw new AuthorizationException("Only the people working on '" + modelName(task)
                        + "' see and add its comments and attachments");
            }
            return null;
        };
    }

    /** Wraps a completion (or resolution) of a task with all the checks above. */
    <T> Command<T> completion(String taskId, Map<String, Object> variables, boolean decides, Command<T> command) {
        return context -> {
            check(context, taskId, variables == null ? Map.of() : variables, decides);
            return command.execute(context);
        };
    }

    private static String requireUser(CommandContext context) {
        String user = context.getAuthenticatedUserId();
        if (user == null || user.isBlank()) {
            throw new AuthorizationException("Staff tasks can only be worked on by an authenticated user");
        }
        return user;
    }

    private void check(CommandContext context, String taskId, Map<String, Object> submitted, boolean decides) {
        String user = requireUser(context);
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            // 403, not the 500 the REST API gives an engine error: nothing to complete
            throw new AuthorizationException("There is no task " + taskId + " (any more) to complete");
        }
        if (task.getExecution() == null) {
            throw new AuthorizationException("Only tasks of the loan processes can be completed here");
        }
        Set<String> allowed = modelGroups(task);
        Set<String> groups = groupsOf(context, user);
        if (allowed.stream().noneMatch(groups::contains)) {
            throw new AuthorizationException(
                    "Only members of " + String.join(", ", allowed) + " may complete '" + task.getName() + "'");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new AuthorizationException("'" + modelName(task) + "' is claimed by " + task.getAssignee()
                    + "; only they complete it, unless they give it up");
        }
        Map<String, Object> values = plainValues(submitted);
        for (String name : values.keySet()) {
            if (task.hasVariableLocal(name)) {
                throw new FormFieldValidationException(
                        name,
                        "The task holds a local variable " + name + " that would hide the decision; it is refused");
            }
        }
        List<String> problems = form(context, taskId).problems(values);
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(values.keySet(), String.join("; ", problems));
        }
        if (decides) {
            StaffDecisionPolicy policy = policies.get().stream()
                    .filter(p -> p.tasks().contains(task.getTaskDefinitionKey()))
                    .findFirst()
                    .orElseThrow(() -> new AuthorizationException(
                            "'" + task.getName() + "' is not a staff decision this application knows"));
            try {
                policy.decide(new StaffAction(
                        task.getTaskDefinitionKey(),
                        modelName(task),
                        task.getExecution().getProcessBusinessKey(),
                        user,
                        groups,
                        values,
                        java.util.Collections.unmodifiableMap(
                                new LinkedHashMap<>(task.getExecution().getVariables()))));
            } catch (StaffDecisionPolicy.Refused refused) {
                throw new AuthorizationException(refused.getMessage());
            }
            for (String kept : policy.keptOutOfTheProcess()) {
                if (submitted.containsKey(kept)) {
                    submitted.remove(kept); // the map the completion command holds (GuardedTaskService#editable)
                }
            }
        }
    }

    /** The groups the model names for the task, evaluated now (a candidate group may be an expression). */
    private static Set<String> modelGroups(TaskEntity task) {
        Set<String> groups = new LinkedHashSet<>();
        for (Expression expression : task.getTaskDefinition().getCandidateGroupIdExpressions()) {
            Object value = expression.getValue(task.getExecution());
            if (value != null) {
                for (String group : value.toString().split(",")) {
                    if (!group.isBlank()) {
                        groups.add(group.strip());
                    }
                }
            }
        }
        if (groups.isEmpty()) {
            throw new AuthorizationException("The model names no group for '" + task.getName() + "'");
        }
        return groups;
    }

    private static Set<String> groupsOf(CommandContext context, String user) {
        DbGroupQueryImpl query = new DbGroupQueryImpl();
        query.groupMember(user);
        List<Group> groups = context.runWithoutAuthorization(() -> query.executeList(context, null));
        Set<String> ids = new LinkedHashSet<>();
        groups.forEach(g -> ids.add(g.getId()));
        return ids;
    }

    /** Only plain values (text, numbers, booleans, dates) may be submitted; never serialized objects. */
    private static Map<String, Object> plainValues(Map<String, Object> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : submitted.keySet()) {
            Object value =
                    submitted instanceof VariableMap typedMap ? typedMap.getValueTyped(name) : submitted.get(name);
            if (value instanceof TypedValue typed) {
                if (typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
                    throw new FormFieldValidationException(name, name + " must be a plain value");
                }
                value = typed.getValue();
            }
            values.put(name, value);
        }
        return values;
    }

    private static TaskForm form(CommandContext context, String taskId) {
        try (InputStream in = context.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId))) {
            return TaskForm.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form of task " + taskId, e);
        }
    }
}
