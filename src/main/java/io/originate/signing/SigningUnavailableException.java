package io.originate.signing;

/** The e-signature provider could not be reached or refused to answer: try again later. */
public class SigningUnavailableException extends RuntimeException {

    public SigningUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
