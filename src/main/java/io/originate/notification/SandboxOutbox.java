package io.originate.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.SealedColumn;
import io.originate.privacy.SealedStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sandbox SMS and e-mail provider: messages are "delivered" into the outbox table, encrypted,
 * and found by recipient through a blind index.
 */
@Component
@ConditionalOnProperty(name = "originate.adapters.messages", havingValue = "outbox")
public class SandboxOutbox implements SmsGateway, EmailGateway, SealedStore {

    public record Message(
            String id,
            String channel,
            String recipient,
            String template,
            String subject,
            String text,
            Instant sentAt) {}

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    public SandboxOutbox(JdbcClient jdbc, PiiCipher cipher, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void erase(String applicationId) {
        jdbc.sql("delete from outbox_message where application_id = ?")
                .param(applicationId)
                .update();
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.of("outbox_message", "id", "ciphertext"));
    }

    @Override
    public void send(String applicationId, String mobile, String template, String text) {
        store(applicationId, "SMS", mobile, template, null, text);
    }

    @Override
    public void send(String applicationId, String address, String template, String subject, String text) {
        store(applicationId, "EMAIL", address, template, subject, text);
    }

    public List<Message> messagesTo(String recipient) {
        return jdbc.sql("select id, ciphertext from outbox_message where recipient_index = ? order by created_at")
                .param(cipher.blindIndex("recipient", recipient))
                .query((rs, n) -> open(rs.getString("id"), rs.getString("ciphertext")))
                .list();
    }

    private void store(
            String applicationId, String channel, String recipient, String template, String subject, String text) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("channel", channel);
        message.put("recipient", recipient);
        message.put("template", template);
        message.put("subject", subject);
        message.put("text", text);
        message.put("sentAt", clock.instant().toString());
        try {
            jdbc.sql("insert into outbox_message (id, application_id, channel, recipient_index, template, ciphertext,"
                            + " created_at, index_key) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            applicationId,
                            channel,
                            cipher.blindIndex("recipient", recipient),
                            template,
                            cipher.encrypt(json.writeValueAsString(message), id),
                            java.sql.Timestamp.from(clock.instant()),
                            cipher.indexKeyId())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long rowsToReindex() {
        return jdbc.sql("select count(*) from outbox_message where index_key is null or index_key <> ?")
                .param(cipher.indexKeyId())
                .query(Long.class)
                .single();
    }

    /** The recipient index made again under the current index key, from the sealed message. */
    @Override
    public int reindex(int batch) {
        List<Message> stale = jdbc.sql("select id, ciphertext from outbox_message where index_key is null"
                        + " or index_key <> ? order by id limit ?")
                .params(cipher.indexKeyId(), batch)
                .query((rs, n) -> open(rs.getString("id"), rs.getString("ciphertext")))
                .list();
        for (Message m : stale) {
            jdbc.sql("update outbox_message set recipient_index = ?, index_key = ? where id = ?")
                    .params(cipher.blindIndex("recipient", m.recipient()), cipher.indexKeyId(), m.id())
                    .update();
        }
        return stale.size();
    }

    private Message open(String id, String ciphertext) {
        try {
            Map<?, ?> m = json.readValue(cipher.decrypt(ciphertext, id), Map.class);
            return new Message(
                    id,
                    (String) m.get("channel"),
                    (String) m.get("recipient"),
                    (String) m.get("template"),
                    (String) m.get("subject"),
                    (String) m.get("text"),
                    Instant.parse((String) m.get("sentAt")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
