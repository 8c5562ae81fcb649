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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for personal data at rest, bound to its owner by associated data, and keyed hashes
 * (blind indexes) for lookups. Sub-keys are derived from master keys by purpose, so that an index
 * never reveals an encryption key.
 *
 * <p>Every ciphertext names the key that sealed it ({@code keyId:base64}). The master key of
 * {@code originate.privacy.key} seals; those of {@code originate.privacy.previous-keys} only open
 * what they sealed, until {@link KeyRotation} has sealed it anew. Blind indexes and token MACs are
 * keyed from {@code originate.privacy.index-key}, or from the sealing key while that is empty, which
 * is allowed only as long as no previous key is configured (a rotated sealing key would silently
 * change every index). Only when {@code originate.privacy.key} is empty and a dev key file is
 * configured (the dev profile) is a key generated and kept in that file.
 */
@Component
public class PiiCipher {

    private static final Logger log = LoggerFactory.getLogger(PiiCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String DATA_KEY_PREFIX = "dk:";

    private final String keyId;
    private final SecretKeySpec encryptionKey;
    /** Every key that may open a ciphertext, by id: the sealing key and the previous ones. */
    private final Map<String, SecretKeySpec> openingKeys = new LinkedHashMap<>();

    private final String indexKeyId;
    private final byte[] indexKey;
    private final byte[] tokenKey;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PrivacySettings settings) {
        byte[] master = masterKey(
                settings.key() == null ? "" : settings.key(),
                settings.devKeyFile() == null ? "" : settings.devKeyFile());
        this.keyId = idOf(master);
        this.encryptionKey = new SecretKeySpec(derive(master, "encrypt"), "AES");
        openingKeys.put(keyId, encryptionKey);
        List<String> previous = settings.previousKeys() == null ? List.of() : settings.previousKeys();
        for (int i = 0; i < previous.size(); i++) {
            if (previous.get(i).isBlank()) {
                continue;
            }
            byte[] old = decodeKey(previous.get(i).strip(), "originate.privacy.previous-keys[" + i + "]");
            openingKeys.putIfAbsent(idOf(old), new SecretKeySpec(derive(old, "encrypt"), "AES"));
        }
        boolean ownIndexKey =
                settings.indexKey() != null && !settings.indexKey().isBlank();
        if (!ownIndexKey && openingKeys.size() > 1) {
            throw new IllegalStateException("originate.privacy.previous-keys is set but originate.privacy.index-key is"
                    + " not: blind indexes were keyed from the sealing key, and a new sealing key would silently change"
                    + " every index. Set originate.privacy.index-key (ORIGINATE_PII_INDEX_KEY) to the key the indexes"
                    + " were made with (the old originate.privacy.key), or to a new key and run the re-index");
        }
        byte[] lookup = ownIndexKey ? decodeKey(settings.indexKey().strip(), "originate.privacy.index-key") : master;
        this.indexKeyId = idOf(lookup);
        this.indexKey = derive(lookup, "blind-index");
        this.tokenKey = derive(lookup, "token");
    }

    /** The id of the key that seals now. */
    public String keyId() {
        return keyId;
    }

    /** The id of the key blind indexes are made with now. */
    public String indexKeyId() {
        return indexKeyId;
    }

    /** Whether a ciphertext is sealed under the current key. */
    public boolean sealedWithCurrentKey(String ciphertext) {
        return ciphertext.startsWith(keyId + ":");
    }

    /** Opens a ciphertext and seals its content again under the current key. */
    public String reseal(String ciphertext, String associatedData) {
        return encrypt(decrypt(ciphertext, associatedData), associatedData);
    }

    /** Encrypts text; the associated data (an application id) must be given again to decrypt. */
    public String encrypt(String plaintext, String associatedData) {
        return keyId + ":" + seal(encryptionKey, plaintext, associatedData);
    }

    /** A fresh random data key (AES-256) for {@link #encryptWith}. */
    public byte[] newDataKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /** Encrypts text under a data key of its own (written {@code dk:base64}). */
    public String encryptWith(byte[] dataKey, String plaintext, String associatedData) {
        return DATA_KEY_PREFIX + seal(new SecretKeySpec(dataKey, "AES"), plaintext, associatedData);
    }

    public String decryptWith(byte[] dataKey, String ciphertext, String associatedData) {
        if (!ciphertext.startsWith(DATA_KEY_PREFIX)) {
            throw new IllegalStateException("Decryption failed: not sealed under a data key");
        }
        try {
            return open(
                    new SecretKeySpec(dataKey, "AES"), ciphertext.substring(DATA_KEY_PREFIX.length()), associatedData);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed: wrong data key or tampered record", e);
        }
    }

    private String seal(SecretKeySpec key, String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
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
        int colon = ciphertext.indexOf(':');
        if (colon < 0) {
            // sealed before ciphertexts named their key: whichever configured key opens it
            for (SecretKeySpec key : openingKeys.values()) {
                try {
                    return open(key, ciphertext, associatedData);
                } catch (GeneralSecurityException | IllegalArgumentException wrongKey) {
                    // the next one
                }
            }
            throw new IllegalStateException(
                    "Decryption failed: no configured key opens this record, or it was altered");
        }
        String id = ciphertext.substring(0, colon);
        SecretKeySpec key = openingKeys.get(id);
        if (key == null) {
            throw new IllegalStateException("Decryption failed: the record is sealed under key " + id
                    + ", which is neither originate.privacy.key nor one of originate.privacy.previous-keys");
        }
        try {
            return open(key, ciphertext.substring(colon + 1), associatedData);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed: wrong key or tampered record", e);
        }
    }

    private static String open(SecretKeySpec key, String base64, String associatedData)
            throws GeneralSecurityException {
        byte[] in = Base64.getDecoder().decode(base64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
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

    private static String idOf(byte[] master) {
        return HexFormat.of().formatHex(derive(master, "key-id")).substring(0, 8);
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
