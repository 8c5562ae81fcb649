package io.originate.credit;

/** The bureau did not answer (timeout, outage): a technical failure, retried, never a decision. */
class BureauUnavailableException extends RuntimeException {

    BureauUnavailableException(String message) {
        super(message);
    }
}
