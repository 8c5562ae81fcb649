package io.originate.process;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;

/**
 * The engine's task and form services with the {@link StaffTaskGate} in front: the REST API,
 * Tasklist and any Java caller reach tasks only through them. Every command needs an
 * authenticated user; completing, resolving and submitting a form pass the gate's checks first.
 */
final class GuardedTaskService extends TaskServiceImpl {

    private final StaffTaskGate gate;

    GuardedTaskService(StaffTaskGate gate) {
        this.gate = gate;
    }

    @Override
    public void setCommandExecutor(CommandExecutor executor) {
        super.setCommandExecutor(staffOnly(executor, gate));
    }

    /**
     * The submitted variables as a map the gate may take the fields out of that a decision policy
     * keeps itself, before the engine stores the rest (typed values kept as they are).
     */
    static Map<String, Object> editable(Map<String, Object> variables) {
        if (variables == null) {
            return null;
        }
        VariableMapImpl copy = new VariableMapImpl();
        for (String name : variables.keySet()) {
            if (variables instanceof VariableMap typed) {
                copy.putValueTyped(name, typed.getValueTyped(name));
            } else {
                copy.put(name, variables.get(name));
            }
        }
        return copy;
    }

    @Override
    public void complete(String taskId, Map<String, Object> submitted) {
        Map<String, Object> variables = editable(submitted);
        commandExecutor.execute(
                gate.completion(taskId, variables, true, new CompleteTaskCmd(taskId, variables, false, false)));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(
            String taskId, Map<String, Object> submitted, boolean deserializeValues) {
        Map<String, Object> variables = editable(submitted);
        return commandExecutor.execute(gate.completion(
                taskId, variables, true, new CompleteTaskCmd(taskId, variables, true, deserializeValues)));
    }

    /** Editing a task (Tasklist's due date and follow-up date) may not move its due date. */
    @Override
    public void saveTask(Task task) {
        commandExecutor.execute(gate.saving(task, new SaveTaskCmd(task)));
    }

    @Override
    public void claim(String taskId, String userId) {
        commandExecutor.execute(gate.claim(taskId, userId, new ClaimTaskCmd(taskId, userId)));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> submitted) {
        Map<String, Object> variables = editable(submitted);
        commandExecutor.execute(gate.completion(taskId, variables, false, new ResolveTaskCmd(taskId, variables)));
    }

    /**
     * Comments and attachments belong to the people working on the task: its assignee and the
     * members of its groups (reading those of an ended task is left to the history permissions).
     */
    private void participant(String taskId, boolean writing) {
        commandExecutor.execute(gate.participant(taskId, writing));
    }

    @Override
    public Comment createComment(String taskId, String processInstanceId, String message) {
        participant(taskId, true);
        return super.createComment(taskId, processInstanceId, message);
    }

    @Override
    public void addComment(String taskId, String processInstanceId, String message) {
        participant(taskId, true);
        super.addComment(taskId, processInstanceId, message);
    }

    @Override
    public void updateTaskComment(String taskId, String commentId, String message) {
        participant(taskId, true);
        super.updateTaskComment(taskId, commentId, message);
    }

    @Override
    public void deleteTaskComment(String taskId, String commentId) {
        participant(taskId, true);
        super.deleteTaskComment(taskId, commentId);
    }

    @Override
    public List<Comment> getTaskComments(String taskId) {
        participant(taskId, false);
        return super.getTaskComments(taskId);
    }

    @Override
    public Comment getTaskComment(String taskId, String commentId) {
        participant(taskId, false);
        return super.getTaskComment(taskId, commentId);
    }

    @Override
    public Attachment createAttachment(
            String type,
            String taskId,
            String processInstanceId,
            String name,
            String description,
            InputStream content) {
        participant(taskId, true);
        return super.createAttachment(type, taskId, processInstanceId, name, description, content);
    }

    @Override
    public Attachment createAttachment(
            String type, String taskId, String processInstanceId, String name, String description, String url) {
        participant(taskId, true);
        return super.createAttachment(type, taskId, processInstanceId, name, description, url);
    }

    @Override
    public void deleteTaskAttachment(String taskId, String attachmentId) {
        participant(taskId, true);
        super.deleteTaskAttachment(taskId, attachmentId);
    }

    @Override
    public List<Attachment> getTaskAttachments(String taskId) {
        participant(taskId, false);
        return super.getTaskAttachments(taskId);
    }

    @Override
    public Attachment getTaskAttachment(String taskId, String attachmentId) {
        participant(taskId, false);
        return super.getTaskAttachment(taskId, attachmentId);
    }

    @Override
    public InputStream getTaskAttachmentContent(String taskId, String attachmentId) {
        participant(taskId, false);
        return super.getTaskAttachmentContent(taskId, attachmentId);
    }

    /** A staff member decides through the task's form; a BPMN error or escalation would skip its checks. */
    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        throw decideThroughTheForm();
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        throw decideThroughTheForm();
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        throw decideThroughTheForm();
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        throw decideThroughTheForm();
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        throw decideThroughTheForm();
    }

    private static AuthorizationException decideThroughTheForm() {
        return new AuthorizationException("Tasks of the loan processes are decided by completing their form");
    }

    static CommandExecutor staffOnly(CommandExecutor executor, StaffTaskGate gate) {
        return new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                return executor.execute(gate.staffOnly(command));
            }
        };
    }

    /** Form submissions (what Tasklist's Complete button sends) pass the same gate. */
    static final class Forms extends FormServiceImpl {

        private final StaffTaskGate gate;

        Forms(StaffTaskGate gate) {
            this.gate = gate;
        }

        @Override
        public void setCommandExecutor(CommandExecutor executor) {
            super.setCommandExecutor(staffOnly(executor, gate));
        }

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> submitted) {
            Map<String, Object> properties = editable(submitted);
            commandExecutor.execute(
                    gate.completion(taskId, properties, true, new SubmitTaskFormCmd(taskId, properties, false, false)));
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(
                String taskId, Map<String, Object> submitted, boolean deserializeValues) {
            Map<String, Object> properties = editable(submitted);
            return commandExecutor.execute(gate.completion(
                    taskId, properties, true, new SubmitTaskFormCmd(taskId, properties, true, deserializeValues)));
        }
    }
}
