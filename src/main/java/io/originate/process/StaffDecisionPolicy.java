package io.originate.process;

/**
 * The business rules of a staff decision (authority limits, four eyes) and its record. Called in
 * the transaction of the completion, before the process moves on: a refusal leaves the task open
 * and nothing written.
 */
public interface StaffDecisionPolicy {

    /** Records the decision, or throws {@link Refused} saying why this person may not make it. */
    void decide(StaffAction action);

    /** The person may not make this decision; the message says why, with no personal data. */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
