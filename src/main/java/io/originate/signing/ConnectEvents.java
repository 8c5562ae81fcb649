package io.originate.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.audit.AuditTrail;
import io.originate.notification.Notices;
import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import io.originate.shared.Refusal;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which an envelope's outcome enters the process, for DocuSign Connect (whose
 * signature the webhook's security chain has verified) and the local signer alike: parse, refuse
 * an event generated outside the accepted window, record the event once (a duplicate, even a
 * concurrent one, finds the record and does nothing), then move the process.
 */
@Service
class ConnectEvents {

    public enum Result {
        ACCEPTED,
        DUPLICATE,
        IGNORED
    }

    private static final Map<String, String> MESSAGES = Map.of(
            "envelope-completed", ProcessVariables.MESSAGE_ENVELOPE_COMPLETED,
            "envelope-declined", ProcessVariables.MESSAGE_ENVELOPE_DECLINED,
            "envelope-voided", ProcessVariables.MESSAGE_ENVELOPE_DECLINED);

    /** How far ahead of this clock an event's generatedDateTime may be (clock skew). */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final Period maxAge;
    private final ObjectMapper json;
    private final SigningService signing;
    private final LoanJourney journey;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Notices notices;

    ConnectEvents(
            ConnectSettings settings,
            ObjectMapper json,
            SigningService signing,
            LoanJourney journey,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock,
            Notices notices) {
        this.maxAge = settings.maxEventAge();
        this.notices = notices;
        this.json = json;
        this.signing = signing;
        this.journey = journey;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Result receive(byte[] body) {
        String event;
        String envelopeId;
        String generated;
        try {
            JsonNode root = json.readTree(body);
            event = root.path("event").asText("");
            envelopeId = root.path("data").path("envelopeId").asText("");
            generated = root.path("generatedDateTime").asText("");
        } catch (IOException e) {
            throw Refusal.malformed("The body is not a Connect JSON event");
        }
        if (event.isEmpty() || envelopeId.isEmpty() || generated.isEmpty()) {
            throw Refusal.malformed("A Connect event needs event, generatedDateTime and data.envelopeId");
        }
        checkFresh(generated);
        String message = MESSAGES.get(event);
        var envelope = signing.find(envelopeId);
        if (message == null || envelope.isEmpty()) {
            return Result.IGNORED;
        }
        try {
            jdbc.sql("insert into inbound_event (event_key, source, received_at) values (?, 'docusign-connect', ?)")
                    .params(event + ":" + envelopeId, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException seen) {
            return Result.DUPLICATE;
        }
        String applicationId = envelope.get().applicationId();
        String outcome = event.substring("envelope-".length());
        if (envelope.get().closed()) {
            // a closed envelope stays as it closed: a later event changes neither it nor the trail's story
            audit.append(
                    applicationId,
                    "ENVELOPE_EVENT_IGNORED",
                    "Envelope " + envelopeId + " is already " + envelope.get().status() + "; " + outcome
                            + " not applied");
            return Result.IGNORED;
        }
        signing.setStatus(envelopeId, outcome);
        audit.append(applicationId, "ENVELOPE_" + outcome.toUpperCase(), "Envelope " + envelopeId + " " + outcome);
        boolean moved = journey.correlate(message, applicationId);
        if (!moved) {
            audit.append(applicationId, "ENVELOPE_EVENT_IGNORED", "The application had already moved on");
        }
        if (moved && message.equals(ProcessVariables.MESSAGE_ENVELOPE_COMPLETED)) {
            notices.notice(applicationId, "signed", Map.of("reference", applicationId));
        }
        return Result.ACCEPTED;
    }

    /** A replayed old event, or one dated in the future, is refused: only the window of retries is accepted. */
    private void checkFresh(String generated) {
        Instant at;
        try {
            at = OffsetDateTime.parse(generated).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.malformed("generatedDateTime is not an ISO-8601 time with offset");
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(SKEW))
                || at.isBefore(now.atZone(ZoneOffset.UTC).minus(maxAge).toInstant())) {
            throw Refusal.malformed("The event's generatedDateTime is outside the accepted window (" + maxAge
                    + " back, " + SKEW.toMinutes() + " minutes ahead)");
        }
    }
}
