package io.originate.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices not yet delivered: sent again every minute once they are a minute old (and at start,
 * by the registry itself), counted in the {@code originate.notices.undelivered} gauge, and listed
 * for staff without their sealed values.
 */
@Component
class NoticeRetries {

    private static final Logger log = LoggerFactory.getLogger(NoticeRetries.class);
    static final Duration GRACE = Duration.ofMinutes(1);

    /** A notice waiting for delivery: which application, which template and message, since when. */
    record Undelivered(String applicationId, String template, String message, Instant requestedAt) {}

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NoticeRetries(IncompleteEventPublications incomplete, JdbcClient jdbc, ObjectMapper json, MeterRegistry metrics) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.json = json;
        Gauge.builder("originate.notices.undelivered", this, NoticeRetries::count)
                .description("Notices asked for and not yet delivered")
                .register(metrics);
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void resend() {
        int waiting = count();
        if (waiting > 0) {
            log.warn("{} notice(s) not yet delivered; sending again those older than {}", waiting, GRACE);
            incomplete.resubmitIncompletePublicationsOlderThan(GRACE);
        }
    }

    int count() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and event_type = ?")
                .param(NoticeRequested.class.getName())
                .query(Integer.class)
                .single();
    }

    /** One entry per message still to go: a notice waiting with its e-mail and text is two. */
    List<Undelivered> undelivered() {
        return jdbc
                .sql("select serialized_event, publication_date from event_publication"
                        + " where completion_date is null and event_type = ? order by publication_date")
                .param(NoticeRequested.class.getName())
                .query((rs, n) -> {
                    JsonNode event = read(rs.getString(1));
                    Instant requestedAt = rs.getTimestamp(2).toInstant();
                    // events written before a notice held all its messages name one "message"
                    JsonNode messages = event.has("messages") ? event.path("messages") : event.path("message");
                    List<Undelivered> waiting = new ArrayList<>();
                    for (JsonNode message : messages.isArray() ? messages : List.of(messages)) {
                        waiting.add(new Undelivered(
                                event.path("applicationId").asText(),
                                event.path("template").asText(),
                                message.asText(),
                                requestedAt));
                    }
                    return waiting;
                })
                .list()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    private JsonNode read(String serialized) {
        try {
            return json.readTree(serialized);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
