package io.originate.signing;

/** An e-signature provider: envelopes with the loan documents, signed by the borrower. */
public interface ESignature {

    record Signer(String name, String email, String clientUserId) {}

    /** Creates and sends an envelope; returns its id at the provider. */
    String createEnvelope(String applicationId, byte[] pdf, Signer signer);

    /** The URL at which the borrower signs (embedded signing). */
    String signingUrl(String envelopeId, Signer signer, String returnUrl);

    /** Voids an envelope that must no longer be signed. */
    void voidEnvelope(String envelopeId, String reason);

    String provider();
}
