package io.originate.disbursement;

/** The payout rail did not answer: retried with backoff, then an incident. */
class PayoutUnavailableException extends RuntimeException {

    PayoutUnavailableException(String message) {
        super(message);
    }
}
