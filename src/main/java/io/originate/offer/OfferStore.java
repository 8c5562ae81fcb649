package io.originate.offer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.Masking;
import io.originate.privacy.PiiVault;
import io.originate.shared.BusinessTime;
import io.originate.shared.Refusal;
import io.originate.signing.AgreementDocuments;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored offers, their canonical disclosure, and the agreement PDF (made on request, with the borrower's name) that the envelope carries. */
@Component
public class OfferStore implements AgreementDocuments {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcClient jdbc;
    private final PiiVault vault;
    private final BusinessTime time;

    public OfferStore(JdbcClient jdbc, PiiVault vault, BusinessTime time) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.time = time;
    }

    public Optional<StoredOffer> find(String applicationId) {
        return jdbc.sql("select disclosure, disclosure_hash, valid_until from offer where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new StoredOffer(
                        read(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    @Override
    public byte[] forApplication(String applicationId) {
        return document(applicationId);
    }

    byte[] document(String applicationId) {
        StoredOffer s =
                find(applicationId).orElseThrow(() -> new IllegalStateException("No offer for " + applicationId));
        ApplicantPii pii = vault.find(applicationId)
                .orElseThrow(() -> Refusal.gone(
                        "The agreement names the borrower, whose personal data was erased under the retention policy"));
        AgreementDocument.Borrower borrower = new AgreementDocument.Borrower(
                pii.fullName(), Masking.nationalId(pii.nationalId()), Masking.mobile(pii.mobile()));
        List<AgreementDocument.Consent> consents = jdbc.sql(
                        "select consent, text_version, granted_at from application_consent where application_id = ?"
                                + " order by consent")
                .param(applicationId)
                .query((rs, n) -> new AgreementDocument.Consent(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        AgreementDocument.Acceptance acceptance = jdbc.sql(
                        "select acknowledged_at, acknowledged_hash from offer where application_id = ?"
                                + " and acknowledged_at is not null")
                .param(applicationId)
                .query((rs, n) ->
                        new AgreementDocument.Acceptance(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                .optional()
                .orElse(null);
        return AgreementDocument.render(time, s.disclosure(), s.hash(), borrower, consents, acceptance);
    }

    static String canonical(Disclosure d) {
        try {
            return CANONICAL.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Disclosure read(String json) {
        try {
            return CANONICAL.readValue(json, Disclosure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
