package io.originate.credit;

/** The bureau did not answer (timeout, outage): a technical failure, retried, never a decision. */
public class BureauUnavailableException extends RuntimeException {

    public BureauUnavailableException(String message) {
        super(message);
    }
}
