package io.originate.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.SealedColumn;
import io.originate.privacy.SealedStore;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asks for a notice to the applicant, sent after the business transaction commits: nothing is
 * sent for a step that rolls back, and a notice asked for is delivered even if the app stops
 * before sending it (the event publication registry keeps it until {@link NoticeDelivery} has
 * delivered it). The template and values are checked here, so a mistake fails the step itself.
 */
@Component
public class Notices implements SealedStore {

    private final NoticeTemplates templates;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Notices(
            NoticeTemplates templates,
            PiiCipher cipher,
            ObjectMapper json,
            ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.cipher = cipher;
        this.json = json;
        this.events = events;
    }

    /** Notices of the application not delivered yet: their sealed values go with them. */
    @Override
    public void erase(String applicationId) {
        jdbc.sql("delete from event_publication where serialized_event like ?")
                .param("%\"applicationId\":\"" + applicationId + "\"%")
                .update();
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        // one being delivered right now is left to its delivery (which finds it by its content);
        // a notice still undelivered a minute on is waiting for a retry, and is sealed again
        return List.of(
                SealedColumn.jsonField("event_publication", "id", "serialized_event", "sealedValues", "applicationId")
                        .onlyWhere("publication_date < current_timestamp - interval '1' minute"));
    }

    /** A text message only (one-time codes). */
    public void text(String applicationId, String template, Map<String, String> values) {
        request(applicationId, template, values, NoticeRequested.Message.TEXT);
    }

    /** A notice by e-mail, with a short text message pointing to it. */
    public void notice(String applicationId, String template, Map<String, String> values) {
        request(applicationId, template, values, NoticeRequested.Message.EMAIL, NoticeRequested.Message.TEXT_POINTER);
    }

    private void request(
            String applicationId, String template, Map<String, String> values, NoticeRequested.Message... messages) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A notice is asked for inside the business transaction it follows");
        }
        templates.render(template, values);
        String sealed;
        try {
            sealed = cipher.encrypt(json.writeValueAsString(values), applicationId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        events.publishEvent(new NoticeRequested(applicationId, template, List.of(messages), sealed));
    }
}
