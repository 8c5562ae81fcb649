package io.originate.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's history cleanup is scheduled for its nightly window, and removes the history of a
 * finished journey once its time to live (180 days) has passed; the application's own records
 * (its row and audit chain) are not Camunda's to remove and stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryCleanupTest {

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theHistoryOfAFinishedJourneyIsRemovedAfterItsTimeToLive() {
        assertThat(history.findHistoryCleanupJobs())
                .as("scheduled for the nightly window")
                .isNotEmpty();

        Api api = new Api(port);
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        assertThat(api.post(a, "/withdraw", Map.of()).status()).isEqualTo(202);
        HistoricProcessInstance ended = api.waitFor(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(a.id())
                .processDefinitionKey("LoanOrigination")
                .finished()
                .singleResult());
        assertThat(ended.getRemovalTime()).isNotNull();

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(181))));
        history.cleanUpHistoryAsync(true); // now rather than tonight: the job executor runs it

        api.waitFor(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceBusinessKey(a.id())
                                .count()
                        == 0
                ? true
                : null);
        assertThat(jdbc.sql("select count(*) from audit_event where application_id = ?")
                        .param(a.id())
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
