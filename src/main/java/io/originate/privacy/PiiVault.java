package io.originate.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores and reads an applicant's personal data, bound to the application id. Each record is
 * sealed under a data key of its own, which is kept sealed under the PII key (envelope
 * encryption): a key rotation seals the 32-byte data keys again, not the records, and erasure
 * destroys the data key with the record (crypto-shredding). Records from before data keys are
 * sealed directly under the PII key and read as such.
 */
@Component
public class PiiVault implements SealedStore {

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final ObjectMapper json;

    public PiiVault(JdbcClient jdbc, PiiCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    public void store(String applicationId, ApplicantPii pii) {
        try {
            byte[] dataKey = cipher.newDataKey();
            String sealed = cipher.encryptWith(dataKey, json.writeValueAsString(pii), applicationId);
            String wrapped = cipher.encrypt(Base64.getEncoder().encodeToString(dataKey), dataKeyBinding(applicationId));
            jdbc.sql("insert into pii_record (application_id, key_id, ciphertext, data_key) values (?, ?, ?, ?)")
                    .params(applicationId, cipher.keyId(), sealed, wrapped)
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(
                SealedColumn.of("pii_record", "application_id", "data_key")
                        .boundTo("application_id", ":data-key")
                        .keyIdIn("key_id"),
                SealedColumn.of("pii_record", "application_id", "ciphertext")
                        .keyIdIn("key_id")
                        .onlyWhere("data_key is null"));
    }

    /** The applicant's personal data; a refusal to go on once it has been erased. */
    public ApplicantPii read(String applicationId) {
        return find(applicationId)
                .orElseThrow(() ->
                        new IllegalStateException("The personal data of application " + applicationId + " was erased"));
    }

    /** The applicant's personal data, or nothing once it has been erased. */
    public Optional<ApplicantPii> find(String applicationId) {
        return jdbc.sql("select ciphertext, data_key from pii_record where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> open(applicationId, rs.getString("ciphertext"), rs.getString("data_key")))
                .optional();
    }

    private ApplicantPii open(String applicationId, String ciphertext, String wrappedKey) {
        String plaintext = wrappedKey == null
                ? cipher.decrypt(ciphertext, applicationId)
                : cipher.decryptWith(
                        Base64.getDecoder().decode(cipher.decrypt(wrappedKey, dataKeyBinding(applicationId))),
                        ciphertext,
                        applicationId);
        try {
            return json.readValue(plaintext, ApplicantPii.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record goes, and with it the only copy of its data key. */
    @Override
    public void erase(String applicationId) {
        jdbc.sql("delete from pii_record where application_id = ?")
                .param(applicationId)
                .update();
    }

    private static String dataKeyBinding(String applicationId) {
        return applicationId + ":data-key";
    }
}
