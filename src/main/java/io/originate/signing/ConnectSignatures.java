package io.originate.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * DocuSign Connect's message signatures: each {@code X-DocuSign-Signature-N} header is the base64
 * HMAC-SHA256 of the raw body under one of the account's Connect keys. A delivery is genuine when
 * any presented signature matches any configured key (several during a key rotation); every
 * comparison takes constant time.
 */
@Component
public class ConnectSignatures {

    public static final int MAX_HEADERS = 10;

    private final List<byte[]> keys;

    ConnectSignatures(ConnectSettings settings) {
        this.keys = settings.hmacKeys().stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
        if (this.keys.isEmpty()) {
            throw new IllegalStateException("originate.esign.connect.hmac-keys must name at least one key");
        }
    }

    public boolean verified(byte[] body, List<String> signatures) {
        boolean ok = false;
        for (String presented : signatures) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(presented.strip());
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (byte[] key : keys) {
                ok |= MessageDigest.isEqual(hmac(key, body), given);
            }
        }
        return ok;
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
