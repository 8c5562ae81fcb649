package io.originate.identity;

/** The KYC provider did not answer: retried with backoff, then an incident, never a decision. */
public class KycUnavailableException extends RuntimeException {

    public KycUnavailableException(String message) {
        super(message);
    }
}
