package io.originate.process;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches the {@link TaskSummary}s (in their order) to every user task of every deployed model when the model is
 * parsed, so that a task can neither lack its summary nor have it skipped. (The decision checks
 * are not listeners at all: the {@link StaffTaskGate} guards every completion in the task
 * service.)
 */
final class StaffTaskListeners extends AbstractBpmnParseListener {

    private final TaskListener summarise;

    StaffTaskListeners(Supplier<List<TaskSummary>> summaries) {
        this.summarise = task -> summaries.get().forEach(summary -> summary.summarise(task));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior())
                .getTaskDefinition()
                .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, summarise);
    }
}
