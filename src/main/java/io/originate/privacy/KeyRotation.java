package io.originate.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * After a new sealing key: every sealed value of every {@link SealedStore} opened and sealed again
 * under it; after a new index key: every blind index recomputed. In batches, each its own
 * transaction, so a run stopped at any moment (even by {@code kill -9}) loses nothing and the next
 * run goes on with what is left: a row is chosen only while it is still under an older key, and
 * written only if nobody changed it in between. Nodes keep working meanwhile, since they open
 * both keys and seal with the new one.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final List<SealedStore> stores;
    private final PiiCipher cipher;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    KeyRotation(
            List<SealedStore> stores, PiiCipher cipher, JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.stores = stores;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /**
     * At start: a warning for whatever is still under an older key, for instance when the index key
     * was changed (or dropped) without a re-index, which silently blinds searches and velocity checks.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warnOfOlderKeys() {
        outstanding().forEach((what, count) -> {
            if (count > 0) {
                log.warn(
                        "{}: {} still under an older key; run scripts/rotate-keys (README, Key rotation)", what, count);
            }
        });
    }

    /** What is still under an older key: sealed values per column, and rows to re-index per store. */
    public Map<String, Long> outstanding() {
        Map<String, Long> left = new LinkedHashMap<>();
        for (SealedStore store : stores) {
            for (SealedColumn column : store.sealedColumns()) {
                left.put(column.name(), stale(column));
            }
            left.put("blind indexes of " + ClassUtils.getUserClass(store).getSimpleName(), store.rowsToReindex());
        }
        return left;
    }

    /** Seals every value again under the current key, {@code batch} rows per transaction. */
    public long reseal(int batch, Duration pause, Consumer<String> progress) {
        long total = 0;
        for (SealedStore store : stores) {
            for (SealedColumn column : store.sealedColumns()) {
                long done = 0;
                int n;
                while ((n = tx.execute(status -> resealBatch(column, batch))) > 0) {
                    done += n;
                    progress.accept(String.format(
                            "%s: %d sealed again under key %s, %d to go",
                            column.name(), done, cipher.keyId(), stale(column)));
                    pause(pause);
                }
                progress.accept(String.format("%s: done (%d this run)", column.name(), done));
                total += done;
            }
        }
        return total;
    }

    /** Recomputes every blind index under the current index key, {@code batch} rows per transaction. */
    public long reindex(int batch, Duration pause, Consumer<String> progress) {
        long total = 0;
        for (SealedStore store : stores) {
            String name = "blind indexes of " + ClassUtils.getUserClass(store).getSimpleName();
            long done = 0;
            int n;
            while ((n = tx.execute(status -> store.reindex(batch))) > 0) {
                done += n;
                progress.accept(String.format(
                        "%s: %d rows under index key %s, %d to go",
                        name, done, cipher.indexKeyId(), store.rowsToReindex()));
                pause(pause);
            }
            if (store.rowsToReindex() > 0 || done > 0) {
                progress.accept(String.format("%s: done (%d this run)", name, done));
            }
            total += done;
        }
        return total;
    }

    private long stale(SealedColumn c) {
        return jdbc.sql("select count(*) from " + c.table() + " where " + staleCondition(c))
                .params(staleParameters(c))
                .query(Long.class)
                .single();
    }

    private int resealBatch(SealedColumn c, int batch) {
        List<Map<String, Object>> rows = jdbc.sql("select " + c.rowKey() + " as row_key, " + c.column() + " as sealed, "
                        + c.associatedColumn() + " as bound from " + c.table() + " where " + staleCondition(c)
                        + " order by " + c.rowKey() + " limit " + batch)
                .params(staleParameters(c))
                .query()
                .listOfRows();
        for (Map<String, Object> row : rows) {
            Object key = row.get("row_key");
            String old = (String) row.get("sealed");
            String fresh;
            try {
                fresh = resealed(c, old, String.valueOf(row.get("bound")));
            } catch (RuntimeException e) {
                throw new IllegalStateException(c.name() + " of row " + key + ": " + e.getMessage(), e);
            }
            String keyId = c.keyIdColumn()
                    .map(k -> ", " + k + " = '" + cipher.keyId() + "'")
                    .orElse("");
            jdbc.sql("update " + c.table() + " set " + c.column() + " = ?" + keyId + " where " + c.rowKey()
                            + " = ? and " + c.column() + " = ?")
                    .params(fresh, key, old)
                    .update();
        }
        return rows.size();
    }

    private String resealed(SealedColumn c, String old, String bound) {
        if (c.json().isEmpty()) {
            return cipher.reseal(old, bound + c.associatedSuffix());
        }
        SealedColumn.JsonField field = c.json().get();
        try {
            ObjectNode document = (ObjectNode) json.readTree(old);
            String associated = document.path(field.associatedField()).asText() + c.associatedSuffix();
            document.put(
                    field.field(), cipher.reseal(document.path(field.field()).asText(), associated));
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON document", e);
        }
    }

    private String staleCondition(SealedColumn c) {
        String stale = c.json().isPresent()
                ? c.column() + " like ? and " + c.column() + " not like ?"
                : c.column() + " is not null and " + c.column() + " not like ?";
        return c.onlyWhere().isEmpty() ? stale : stale + " and (" + c.onlyWhere() + ")";
    }

    private Object[] staleParameters(SealedColumn c) {
        if (c.json().isPresent()) {
            String field = "%\"" + c.json().get().field() + "\":\"";
            return new Object[] {field + "%", field + cipher.keyId() + ":%"};
        }
        return new Object[] {cipher.keyId() + ":%"};
    }

    private static void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
