package io.originate.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.SealedColumn;
import io.originate.privacy.SealedStore;
import io.originate.shared.Hashing;
import io.originate.shared.Refusal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The answers given under an {@code Idempotency-Key}: kept with the hash of the request they
 * answered (and encrypted, since they hold an access token), so that the same request sent again
 * gets the same answer and the same key with another request is refused.
 */
@Component
class IdempotencyRecords implements SealedStore {

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final ObjectMapper json;

    IdempotencyRecords(JdbcClient jdbc, PiiCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.of("idempotency_record", "idempotency_key", "response"));
    }

    /** The hash a request is remembered by: of its JSON as the server read it. */
    String hashOf(Object request) {
        return Hashing.sha256Hex(write(request));
    }

    /** The answer given earlier under this key, if any; refused when the key came with another request. */
    <T> Optional<Answer<T>> replay(String key, String requestHash, Class<T> type) {
        return jdbc.sql("select request_hash, status_code, response from idempotency_record where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> {
                    if (!Hashing.same(rs.getString("request_hash"), requestHash)) {
                        throw Refusal.conflict("This Idempotency-Key was already used with a different request body");
                    }
                    return new Answer<>(
                            rs.getInt("status_code"), read(cipher.decrypt(rs.getString("response"), key), type));
                })
                .optional();
    }

    /** Forgets the answers given before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_record where created_at < ?")
                .param(java.sql.Timestamp.from(cutoff))
                .update();
    }

    /** Remembers an answer, in the transaction that produced it; a second one under the key fails on the key. */
    void remember(String key, String requestHash, Answer<?> answer, Instant at) {
        jdbc.sql("insert into idempotency_record (idempotency_key, request_hash, status_code, response, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        key,
                        requestHash,
                        answer.statusCode(),
                        cipher.encrypt(write(answer.body()), key),
                        Timestamp.from(at))
                .update();
    }

    record Answer<T>(int statusCode, T body) {}

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
