package io.originate.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a staff task's form shows of its application, as task-local variables (masked, but for
 * the {@link #UNRECORDED} ones), and the task's name in the list. The engine plugin gives every user task of every model this listener
 * on create, as a built-in listener that no model has to declare and no modification can skip.
 */
public interface TaskSummary {

    /**
     * Task-local variables with personal data in clear, which some forms show their candidates
     * (the applicant's side of a sanctions comparison, a complaint's text and findings): kept out of the engine's history.
     */
    Set<String> UNRECORDED = Set.of("applicantFullName", "applicantBirthDate", "complaintText", "complaintFindings");

    void summarise(DelegateTask task);
}
