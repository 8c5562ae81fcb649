package io.originate.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The applicant's consents (credit bureau query, personal information, electronic records), each
 * kept with the version of the text the app showed and when it was given, so that it can be proven.
 */
@Component
class Consents {

    /** The consent texts the app shows. */
    static final String TEXT_VERSION = "2026-01";

    static final List<String> REQUIRED = List.of("CREDIT_BUREAU_QUERY", "PERSONAL_INFORMATION", "ELECTRONIC_RECORDS");

    private final JdbcClient jdbc;

    Consents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordAll(String applicationId, Instant at) {
        for (String consent : REQUIRED) {
            jdbc.sql(
                            "insert into application_consent (application_id, consent, text_version, granted_at) values (?, ?, ?, ?)")
                    .params(applicationId, consent, TEXT_VERSION, Timestamp.from(at))
                    .update();
        }
    }
}
