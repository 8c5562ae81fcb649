package io.originate.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a staff task's form shows of its application, as task-local variables (masked: no
 * personal data in clear). The engine plugin gives every user task of every model this listener
 * on create, as a built-in listener that no model has to declare and no modification can skip.
 */
public interface TaskSummary {

    void summarise(DelegateTask task);
}
