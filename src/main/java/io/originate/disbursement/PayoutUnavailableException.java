package io.originate.disbursement;

/** The payout rail did not answer: retried with backoff, then an incident. */
public class PayoutUnavailableException extends RuntimeException {

    public PayoutUnavailableException(String message) {
        super(message);
    }
}
