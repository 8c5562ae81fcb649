package io.originate.identity;

/** The KYC provider did not answer: retried with backoff, then an incident, never a decision. */
class KycUnavailableException extends RuntimeException {

    KycUnavailableException(String message) {
        super(message);
    }
}
