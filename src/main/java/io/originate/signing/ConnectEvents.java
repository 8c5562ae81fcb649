package io.originate.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.audit.AuditTrail;
import io.originate.notification.Notices;
import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import io.originate.shared.ApiProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which an envelope's outcome enters the process, for DocuSign Connect and the
 * local signer alike: verify the HMAC signature over the raw body (any configured key, constant
 * time), parse, record the event once (a duplicate, even a concurrent one, finds the record and
 * does nothing), then move the process.
 */
@Service
public class ConnectEvents {

    public enum Result {
        ACCEPTED,
        DUPLICATE,
        IGNORED
    }

    private static final Map<String, String> MESSAGES = Map.of(
            "envelope-completed", ProcessVariables.MESSAGE_ENVELOPE_COMPLETED,
            "envelope-declined", ProcessVariables.MESSAGE_ENVELOPE_DECLINED,
            "envelope-voided", ProcessVariables.MESSAGE_ENVELOPE_DECLINED);

    private final List<byte[]> keys;
    private final ObjectMapper json;
    private final SigningService signing;
    private final LoanJourney journey;
    private final AuditTrail audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;
    private final Notices notices;

    public ConnectEvents(
            @Value("${originate.esign.connect.hmac-keys}") List<String> keys,
            ObjectMapper json,
            SigningService signing,
            LoanJourney journey,
            AuditTrail audit,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            Clock clock,
            Notices notices) {
        this.notices = notices;
        this.keys = keys.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
        if (this.keys.isEmpty()) {
            throw new IllegalStateException("originate.esign.connect.hmac-keys must name at least one key");
        }
        this.json = json;
        this.signing = signing;
        this.journey = journey;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Result receive(byte[] body, List<String> signatures) {
        if (!verified(body, signatures)) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Missing or invalid X-DocuSign-Signature");
        }
        String event;
        String envelopeId;
        try {
            JsonNode root = json.readTree(body);
            event = root.path("event").asText("");
            envelopeId = root.path("data").path("envelopeId").asText("");
        } catch (IOException e) {
            throw ApiProblem.badRequest("The body is not a Connect JSON event");
        }
        if (event.isEmpty() || envelopeId.isEmpty()) {
            throw ApiProblem.badRequest("A Connect event needs event and data.envelopeId");
        }
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

    /** Signs a body as Connect does, with the first configured key (used by the local signer). */
    String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(keys.get(0), body));
    }

    private boolean verified(byte[] body, List<String> signatures) {
        boolean ok = false;
        for (String presented : signatures) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(presented.strip());
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (byte[] key : keys) {
                ok |= MessageDigest.isEqual(hmac(key, body), given);
            }
        }
        return ok;
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
