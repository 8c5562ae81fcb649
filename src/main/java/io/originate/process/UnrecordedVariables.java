package io.originate.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history, less the task-local variables of {@link TaskSummary#UNRECORDED}: personal
 * data a task's form shows its candidates while the task is open, and that no history reader sees
 * once it has ended (the task's variables end with it).
 */
final class UnrecordedVariables implements HistoryEventHandler {

    private final HistoryEventHandler history = new DbHistoryEventHandler();
    private final Set<String> unrecorded;

    UnrecordedVariables(Set<String> unrecorded) {
        this.unrecorded = Set.copyOf(unrecorded);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable
                && unrecorded.contains(variable.getVariableName())) {
            return;
        }
        history.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
