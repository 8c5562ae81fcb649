package io.originate.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for personal data at rest, bound to its owner by associated data, and keyed hashes
 * (blind indexes) for lookups. Sub-keys for encryption, indexing and tokens are derived from one
 * master key, so that an index never reveals the encryption key.
 *
 * <p>The master key comes from {@code originate.privacy.key}. Only when that is empty and a dev
 * key file is configured (the default profile) is a key generated and kept in that file.
 */
@Component
public class PiiCipher {

    private static final Logger log = LoggerFactory.getLogger(PiiCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final byte[] indexKey;
    private final byte[] tokenKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PrivacySettings settings) {
        byte[] master = masterKey(
                settings.key() == null ? "" : settings.key(),
                settings.devKeyFile() == null ? "" : settings.devKeyFile());
        this.encryptionKey = new SecretKeySpec(derive(master, "encrypt"), "AES");
        this.indexKey = derive(master, "blind-index");
        this.tokenKey = derive(master, "token");
        this.keyId = HexFormat.of().formatHex(derive(master, "key-id")).substring(0, 8);
    }

    public String keyId() {
        return keyId;
    }

    /** Encrypts text; the associated data (an application id) must be given again to decrypt. */
    public String encrypt(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String ciphertext, String associatedData) {
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong key or tampered record", e);
        }
    }

    /** Keyed hash of a normalised value, for equality lookups without plaintext. */
    public String blindIndex(String kind, String value) {
        return hmacHex(indexKey, kind + ":" + value.strip());
    }

    /** Keyed hash for server-issued secrets (one-time codes, signing links). */
    public String tokenMac(String value) {
        return hmacHex(tokenKey, value);
    }

    private static String hmacHex(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("originate/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] masterKey(String configured, String devKeyFile) {
        if (configured != null && !configured.isBlank()) {
            return decodeKey(configured.strip(), "originate.privacy.key");
        }
        if (devKeyFile == null || devKeyFile.isBlank()) {
            throw new IllegalStateException(
                    "originate.privacy.key is not set: give a Base64 AES-256 key (ORIGINATE_PII_KEY)");
        }
        Path file = Path.of(devKeyFile);
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file).strip(), file.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a development PII key in {}; set originate.privacy.key outside the sandbox", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development key " + file, e);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid Base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must decode to 32 bytes (AES-256), not " + key.length);
        }
        return key;
    }
}
