package io.originate.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.PiiVault;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers a requested notice after its business transaction has committed, in a transaction of
 * its own. A delivery that fails stays incomplete in the event publication registry and is sent
 * again ({@link NoticeRetries}); delivery is at least once, so a gateway may see a notice twice
 * after a crash between sending and recording.
 */
@Component
class NoticeDelivery {

    private final NoticeTemplates templates;
    private final PiiVault vault;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final SmsGateway sms;
    private final EmailGateway email;

    NoticeDelivery(
            NoticeTemplates templates,
            PiiVault vault,
            PiiCipher cipher,
            ObjectMapper json,
            SmsGateway sms,
            EmailGateway email) {
        this.templates = templates;
        this.vault = vault;
        this.cipher = cipher;
        this.json = json;
        this.sms = sms;
        this.email = email;
    }

    @ApplicationModuleListener
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
        switch (notice.message()) {
            case TEXT -> sms.send(notice.applicationId(), pii.mobile(), notice.template(), rendered.text());
            case EMAIL ->
                email.send(notice.applicationId(), pii.email(), notice.template(), rendered.subject(), rendered.text());
            case TEXT_POINTER -> sms.send(notice.applicationId(), pii.mobile(), notice.template(), rendered.subject());
        }
    }
}
