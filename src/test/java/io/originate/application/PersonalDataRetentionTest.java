package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.audit.AuditVerification;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import io.originate.support.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention policy: a loan final for longer than the period loses its personal data in every
 * store, while its decision records, ledger and audit chain stay and verify; a complaint not yet
 * closed keeps an application's data; a recent one is untouched; a second run does nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataRetention retention;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock appClock;

    Api api;
    TestClock clock;

    @BeforeEach
    void client() {
        api = new Api(port);
        clock = (TestClock) appClock;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void personalDataIsErasedAfterThePeriodUnlessAComplaintIsOpen() {
        Api.Submitted paidOut = api.approved(ApplicationTestData.aSalariedApplicant());
        assertThat(api.signLocally(api.accept(paidOut)).status()).isEqualTo(200);
        api.waitForStatus(paidOut, s -> s.equals("DISBURSED"));

        Api.Submitted complained = api.approved(ApplicationTestData.aSalariedApplicant());
        Api.Response filed = api.postJson(
                "/api/v1/complaints",
                Map.of("applicationId", complained.id(), "category", "DECISION", "description", "利率太高了 rate too high"),
                "Authorization",
                "Bearer " + complained.token());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(api.post(complained, "/withdraw", Map.of()).status()).isEqualTo(202);

        clock.advance(Duration.ofDays(8 * 366 + 1));
        Api.Submitted recent = api.approved(ApplicationTestData.aSalariedApplicant());
        assertThat(api.post(recent, "/withdraw", Map.of()).status()).isEqualTo(202);
        long decisions = count("decision_record", paidOut.id());
        long payouts = jdbc.sql(
                        "select count(*) from ledger_transaction where application_id = ? and kind = 'DISBURSEMENT'")
                .param(paidOut.id())
                .query(Long.class)
                .single();
        assertThat(decisions).isPositive();
        assertThat(payouts).isOne();

        assertThat(retention.eraseDue()).isPositive(); // this test's loan, and others' of the same test context

        // the paid-out loan: nothing personal left, anywhere
        assertThat(count("pii_record", paidOut.id())).isZero();
        assertThat(count("outbox_message", paidOut.id())).isZero();
        assertThat(jdbc.sql("select count(*) from offer where application_id = ? and acknowledged_ip is null")
                        .param(paidOut.id())
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select mobile_index from loan_application where id = ?")
                        .param(paidOut.id())
                        .query(String.class)
                        .single())
                .isEqualTo("erased");
        JsonNode status = api.get(paidOut, "").json();
        assertThat(status.path("status").asText()).isEqualTo("DISBURSED");
        assertThat(status.hasNonNull("applicant")).isFalse();
        assertThat(api.staffPost(
                                "kyc",
                                "originate",
                                "/api/v1/staff/applications/" + paidOut.id() + "/reveal",
                                "{\"fields\":[\"fullName\"],\"reason\":\"checking the retention of this record\"}")
                        .status())
                .isEqualTo(410);

        assertThat(api.get(paidOut, "/offer/document").status())
                .as("the agreement names the borrower")
                .isEqualTo(410);
        // a complaint still reaches compliance, its task summary without the erased data
        Api.Response late = api.postJson(
                "/api/v1/complaints",
                Map.of("applicationId", paidOut.id(), "category", "OTHER", "description", "请删除我的账户 close my account"),
                "Authorization",
                "Bearer " + paidOut.token());
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        JsonNode task = api.waitFor(() -> {
            JsonNode tasks = api.staff(
                            "compliance", "originate", "/engine-rest/task?processInstanceBusinessKey=" + paidOut.id())
                    .json();
            return tasks.size() > 0 ? tasks.get(0) : null;
        });
        assertThat(task.path("name").asText()).contains("(personal data erased)");

        // ... while what the lender must keep is kept, and the chain records the erasure and verifies
        assertThat(count("decision_record", paidOut.id())).isEqualTo(decisions);
        assertThat(jdbc.sql(
                                "select count(*) from ledger_transaction where application_id = ? and kind = 'DISBURSEMENT'")
                        .param(paidOut.id())
                        .query(Long.class)
                        .single())
                .isOne();
        JsonNode timeline = api.get(paidOut, "/timeline").json();
        assertThat(timeline.findValuesAsText("type")).contains("PERSONAL_DATA_ERASED", "COMPLAINT_FILED");
        AuditVerification.Report report = verification.verify();
        assertThat(report.broken()).isEmpty();

        // an open complaint holds; a recent application waits its turn; a second run does nothing
        assertThat(count("pii_record", complained.id())).isOne();
        assertThat(count("pii_record", recent.id())).isOne();
        assertThat(retention.eraseDue()).isZero();

        jdbc.sql("update complaint set status = 'CLOSED' where application_id = ?")
                .param(complained.id())
                .update();
        assertThat(retention.eraseDue()).isOne();
        assertThat(count("pii_record", complained.id())).isZero();
        assertThat(jdbc.sql("select count(*) from complaint where application_id = ? and findings_ciphertext is null")
                        .param(complained.id())
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(count("pii_record", recent.id())).isOne();
    }

    private long count(String table, String applicationId) {
        return jdbc.sql("select count(*) from " + table + " where application_id = ?")
                .param(applicationId)
                .query(Long.class)
                .single();
    }
}
