package io.originate.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores and reads an applicant's personal data, encrypted and bound to the application id. */
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
            String sealed = cipher.encrypt(json.writeValueAsString(pii), applicationId);
            jdbc.sql("insert into pii_record (application_id, key_id, ciphertext) values (?, ?, ?)")
                    .params(applicationId, cipher.keyId(), sealed)
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(
                SealedColumn.of("pii_record", "application_id", "ciphertext").keyIdIn("key_id"));
    }

    /** The applicant's personal data; a refusal to go on once it has been erased. */
    public ApplicantPii read(String applicationId) {
        return find(applicationId)
                .orElseThrow(() ->
                        new IllegalStateException("The personal data of application " + applicationId + " was erased"));
    }

    /** The applicant's personal data, or nothing once it has been erased. */
    public Optional<ApplicantPii> find(String applicationId) {
        return jdbc.sql("select ciphertext from pii_record where application_id = ?")
                .param(applicationId)
                .query(String.class)
                .optional()
                .map(ciphertext -> {
                    try {
                        return json.readValue(cipher.decrypt(ciphertext, applicationId), ApplicantPii.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Override
    public void erase(String applicationId) {
        jdbc.sql("delete from pii_record where application_id = ?")
                .param(applicationId)
                .update();
    }
}
