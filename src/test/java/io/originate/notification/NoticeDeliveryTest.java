package io.originate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices leave after the business transaction commits, never for one that rolls back, and one
 * that cannot be delivered stays in the registry, visible to staff, until it is sent again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticeDeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    Notices notices;

    @Autowired
    SandboxOutbox outbox;

    @Autowired
    NoticeRetries retries;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private long reminders(String mobile) {
        return outbox.messagesTo(mobile).stream()
                .filter(m -> m.template().equals("signed"))
                .count();
    }

    private long undelivered(Api.Submitted a) {
        return retries.undelivered().stream()
                .filter(u -> u.applicationId().equals(a.id()))
                .count();
    }

    @Test
    void aNoticeAskedForInAStepThatRollsBackIsNeverSent() throws InterruptedException {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        api.otpFor(a.mobile()); // the submission's own notice has gone
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    notices.notice(a.id(), "signed", Map.of("reference", a.id()));
                    throw new IllegalStateException("the step fails after asking for the notice");
                }))
                .hasMessageContaining("the step fails");
        Thread.sleep(500);
        assertThat(reminders(a.mobile())).isZero();
        assertThat(undelivered(a)).isZero();
    }

    @Test
    void aNoticeOutsideABusinessTransactionIsRefused() {
        assertThatThrownBy(() -> notices.text("any", "otp", Map.of("code", "123456")))
                .hasMessageContaining("inside the business transaction");
    }

    @Test
    void aNoticeThatCannotBeDeliveredWaitsVisiblyAndIsSentAgain() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        api.otpFor(a.mobile()); // the submission's own notice has gone
        Map<String, Object> pii = jdbc.sql(
                        "select key_id, ciphertext, data_key from pii_record where application_id = ?")
                .param(a.id())
                .query()
                .singleRow();
        // the applicant's contact details cannot be read when the delivery runs
        tx.executeWithoutResult(status -> {
            notices.notice(a.id(), "signed", Map.of("reference", a.id()));
            jdbc.sql("delete from pii_record where application_id = ?")
                    .param(a.id())
                    .update();
        });
        assertThat(api.waitFor(() -> retries.undelivered().stream()
                                        .filter(u -> u.applicationId().equals(a.id()))
                                        .count()
                                == 2
                        ? true
                        : null))
                .isTrue();
        assertThat(retries.undelivered())
                .filteredOn(u -> u.applicationId().equals(a.id()))
                .extracting(NoticeRetries.Undelivered::message)
                .containsExactlyInAnyOrder("EMAIL", "TEXT_POINTER");
        assertThat(jdbc.sql("select serialized_event from event_publication where completion_date is null")
                        .query(String.class)
                        .list())
                .as("the registry holds no value in clear")
                .noneMatch(e -> e.contains("\"reference\""));

        jdbc.sql("insert into pii_record (application_id, key_id, ciphertext, data_key) values (?, ?, ?, ?)")
                .params(a.id(), pii.get("KEY_ID"), pii.get("CIPHERTEXT"), pii.get("DATA_KEY"))
                .update();
        incomplete.resubmitIncompletePublications(p -> true);
        // delivery is at least once: a message already on its way may go out a second time
        assertThat(api.waitFor(() -> reminders(a.mobile()) >= 1 && undelivered(a) == 0 ? true : null))
                .isTrue();
    }
}
