package io.originate.signing;

import io.originate.privacy.PiiCipher;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The built-in signer: a page of this app shows the documents with Sign and Decline buttons. The
 * link carries a keyed token bound to the envelope, so only its holder can sign.
 */
@Component
@ConditionalOnProperty(name = "originate.esign.provider", havingValue = "local")
class LocalESignature implements ESignature {

    private final PiiCipher cipher;
    private final String baseUrl;

    LocalESignature(PiiCipher cipher, LocalSignerSettings settings) {
        this.cipher = cipher;
        this.baseUrl = settings.base();
    }

    @Override
    public String createEnvelope(String applicationId, byte[] pdf, Signer signer) {
        return "local-" + UUID.randomUUID();
    }

    @Override
    public String signingUrl(String envelopeId, Signer signer, String returnUrl) {
        return baseUrl + "/esign/local/" + envelopeId + "?t=" + token(envelopeId);
    }

    @Override
    public void voidEnvelope(String envelopeId, String reason) {
        // the local envelope lives only in our table; SigningService marks it voided
    }

    @Override
    public String provider() {
        return "local";
    }

    String token(String envelopeId) {
        return cipher.tokenMac("esign:" + envelopeId);
    }
}
