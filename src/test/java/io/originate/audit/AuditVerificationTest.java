package io.originate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail proves itself: a row edited in the database is named by the verification, and
 * a history rewritten so carefully that every chain verifies again is still caught by the anchors
 * taken before it. Each test puts the rows back as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditVerificationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private JsonNode verification() {
        Api.Response r = api.staff("compliance", "originate", "/api/v1/staff/audit/verification");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private String summary(String applicationId, int seq) {
        return jdbc.sql("select summary from audit_event where application_id = ? and seq = ?")
                .params(applicationId, seq)
                .query(String.class)
                .single();
    }

    private void setSummary(String applicationId, int seq, String summary) {
        jdbc.sql("update audit_event set summary = ? where application_id = ? and seq = ?")
                .params(summary, applicationId, seq)
                .update();
    }

    @Test
    void anEditedEntryIsNamedAndOnlyOverseersVerify() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        assertThat(verification().path("broken").findValuesAsText("applicationId"))
                .doesNotContain(a.id());
        assertThat(api.staff("underwriter", "originate", "/api/v1/staff/audit/verification")
                        .status())
                .isEqualTo(403);

        String original = summary(a.id(), 1);
        setSummary(a.id(), 1, original.replace("Application for", "Application of"));
        try {
            JsonNode broken = verification().path("broken");
            JsonNode named = null;
            for (JsonNode b : broken) {
                if (b.path("applicationId").asText().equals(a.id())) {
                    named = b;
                }
            }
            assertThat(named).as(broken.toString()).isNotNull();
            assertThat(named.path("seq").asInt()).isEqualTo(1);
            assertThat(named.path("why").asText()).isEqualTo("its hash does not match its content");
            assertThat(verification().path("holds").asBoolean()).isFalse();
        } finally {
            setSummary(a.id(), 1, original);
        }
        assertThat(verification().path("holds").asBoolean())
                .as("put back, the trail holds")
                .isTrue();
    }

    @Test
    void aRewrittenHistoryThatVerifiesAgainIsCaughtByTheAnchorsTakenBefore() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        Api.Response anchored = api.staffPost("compliance", "originate", "/api/v1/staff/audit/anchors", "");
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(200);
        assertThat(verification().path("mismatchedAnchors")).isEmpty();

        List<AuditTrail.Entry> chain = audit.timeline(a.id());
        String head = jdbc.sql("select hash from audit_head where application_id = ?")
                .param(a.id())
                .query(String.class)
                .single();
        // the forger rewrites the first entry and recomputes every hash after it, and the head
        String prev = AuditTrail.GENESIS;
        for (AuditTrail.Entry e : chain) {
            String summary = e.seq() == 1 ? e.summary().replace("Application for", "Application of") : e.summary();
            String hash = AuditTrail.hash(prev, e.seq(), e.at(), e.type(), summary);
            jdbc.sql("update audit_event set summary = ?, prev_hash = ?, hash = ? where application_id = ? and seq = ?")
                    .params(summary, prev, hash, a.id(), e.seq())
                    .update();
            prev = hash;
        }
        jdbc.sql("update audit_head set hash = ? where application_id = ?")
                .params(prev, a.id())
                .update();
        try {
            JsonNode report = verification();
            assertThat(report.path("broken").findValuesAsText("applicationId"))
                    .as("the rewritten chain is consistent in itself")
                    .doesNotContain(a.id());
            assertThat(report.path("mismatchedAnchors").findValuesAsText("hash"))
                    .as("but the anchor taken before no longer matches")
                    .contains(anchored.json().path("hash").asText());
        } finally {
            for (AuditTrail.Entry e : chain) {
                jdbc.sql("update audit_event set summary = ?, prev_hash = ?, hash = ? where application_id = ?"
                                + " and seq = ?")
                        .params(e.summary(), e.prevHash(), e.hash(), a.id(), e.seq())
                        .update();
            }
            jdbc.sql("update audit_head set hash = ? where application_id = ?")
                    .params(head, a.id())
                    .update();
        }
        assertThat(verification().path("mismatchedAnchors")).isEmpty();
    }
}
