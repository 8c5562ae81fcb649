package io.originate.process;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * The escalation of an overdue verification or operations task (the service task after its
 * non-interrupting timer): the task stays where it is and is offered to the team it escalates to
 * as well, marked escalated with why, so that it shows in that team's "Escalated" filter. Nothing
 * goes to the applicant's trail (a sanctions or fraud review must not be told).
 */
@Component
@ProcessBean
class EscalateOverdueTaskDelegate implements JavaDelegate {

    private final TaskDeadlines deadlines;
    private final MeterRegistry metrics;

    EscalateOverdueTaskDelegate(TaskDeadlines deadlines, MeterRegistry metrics) {
        this.deadlines = deadlines;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowNode here = (FlowNode) execution.getBpmnModelElementInstance();
        BoundaryEvent timer =
                (BoundaryEvent) here.getIncoming().iterator().next().getSource();
        String overdue = timer.getAttachedTo().getId();
        for (TaskEntity task : Context.getCommandContext()
                .getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId())) {
            if (!task.getTaskDefinitionKey().equals(overdue)) {
                continue;
            }
            Set<String> to = new LinkedHashSet<>();
            for (IdentityLink link : task.getCandidates()) {
                if (link.getGroupId() != null && deadlines.has(link.getGroupId())) {
                    to.add(deadlines.of(link.getGroupId()).escalateTo());
                }
            }
            to.forEach(task::addCandidateGroup);
            task.setVariableLocal("escalated", true);
            task.setVariableLocal(
                    "whyHere",
                    "Overdue since " + task.getDueDate().toInstant() + ", escalated to " + String.join(", ", to) + ". "
                            + task.getVariableLocal("whyHere"));
            metrics.counter("originate.tasks.escalated", "task", overdue).increment();
        }
    }
}
