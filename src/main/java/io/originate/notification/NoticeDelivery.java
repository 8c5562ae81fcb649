package io.originate.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.PiiVault;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers a requested notice after its business transaction has committed, in a transaction of
 * its own, on the notice threads ({@link NoticeThreads}): what {@code @ApplicationModuleListener}
 * does, on a bounded executor instead of a new thread per event. A notice whose first message fails stays incomplete in the event
 * publication registry and is sent again ({@link NoticeRetries}); when a later message fails,
 * the rest is asked for again as a notice of its own, in this transaction, so what went out is
 * not sent twice. Delivery is at least once: a gateway may see a message twice after a crash
 * between sending and recording.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final NoticeTemplates templates;
    private final PiiVault vault;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final ApplicationEventPublisher events;

    NoticeDelivery(
            NoticeTemplates templates,
            PiiVault vault,
            PiiCipher cipher,
            ObjectMapper json,
            SmsGateway sms,
            EmailGateway email,
            ApplicationEventPublisher events) {
        this.templates = templates;
        this.vault = vault;
        this.cipher = cipher;
        this.json = json;
        this.sms = sms;
        this.email = email;
        this.events = events;
    }

    @Async(NoticeThreads.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void deliver(NoticeRequested notice) {
        Map<String, String> values;
        try {
            values = json.readValue(
                    cipher.decrypt(notice.sealedValues(), notice.applicationId()), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        NoticeTemplates.Rendered rendered = templates.render(notice.template(), values);
        ApplicantPii pii = vault.read(notice.applicationId());
        for (int i = 0; i < notice.messages().size(); i++) {
            try {
                send(notice, notice.messages().get(i), rendered, pii);
            } catch (RuntimeException e) {
                if (i == 0) {
                    throw e; // nothing went out: the whole notice waits to be sent again
                }
                log.warn(
                        "Notice {} of application {}: {} failed after the messages before it went out; the rest waits",
                        notice.template(),
                        notice.applicationId(),
                        notice.messages().get(i),
                        e);
                events.publishEvent(notice.from(i));
                return;
            }
        }
    }

    private void send(
            NoticeRequested notice,
            NoticeRequested.Message message,
            NoticeTemplates.Rendered rendered,
            ApplicantPii pii) {
        switch (message) {
            case TEXT -> sms.send(notice.applicationId(), pii.mobile(), notice.template(), rendered.text());
            case EMAIL ->
                email.send(notice.applicationId(), pii.email(), notice.template(), rendered.subject(), rendered.text());
            case TEXT_POINTER -> sms.send(notice.applicationId(), pii.mobile(), notice.template(), rendered.subject());
        }
    }
}
