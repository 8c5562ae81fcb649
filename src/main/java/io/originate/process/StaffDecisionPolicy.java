package io.originate.process;

import java.util.Set;

/**
 * The business rules of the staff decisions of some tasks (authority limits, four eyes) and their
 * record. Called in the transaction of the completion, before the process moves on: a refusal
 * leaves the task open and nothing written. Each task is decided by the one policy that names it;
 * a task no policy names cannot be completed.
 */
public interface StaffDecisionPolicy {

    /** The tasks (definition keys) whose decisions this policy makes. */
    Set<String> tasks();

    /**
     * Checked when a person claims one of this policy's tasks, so that they learn before the work
     * what would refuse their decision anyway (four eyes): throws {@link Refused} saying why.
     */
    default void checkClaim(String taskDefinitionKey, String applicationId, String userId) {}

    /** Records the decision, or throws {@link Refused} saying why this person may not make it. */
    void decide(StaffAction action);

    /**
     * Form fields this policy keeps itself (encrypted where they may hold personal data, such as
     * a note or an answer to the applicant): they never become process variables.
     */
    default Set<String> keptOutOfTheProcess() {
        return Set.of();
    }

    /** The person may not make this decision; the message says why, with no personal data. */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
