package io.originate.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores and reads an applicant's personal data, encrypted and bound to the application id. */
@Component
public class PiiVault {

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

    public ApplicantPii read(String applicationId) {
        String sealed = jdbc.sql("select ciphertext from pii_record where application_id = ?")
                .param(applicationId)
                .query(String.class)
                .single();
        try {
            return json.readValue(cipher.decrypt(sealed, applicationId), ApplicantPii.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
