package io.originate.signing;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * DocuSign Connect (JSON, SIM) deliveries. Only deliveries whose HMAC signature verified reach it
 * (web.SecurityChains); a retried or duplicated delivery is answered 200.
 */
@RestController
class ConnectWebhookController {

    record Received(ConnectEvents.Result result) {}

    private final ConnectEvents events;

    ConnectWebhookController(ConnectEvents events) {
        this.events = events;
    }

    @PostMapping("/api/v1/webhooks/docusign")
    public Received receive(@RequestBody(required = false) byte[] body) {
        ConnectEvents.Result result;
        try {
            result = events.receive(body == null ? new byte[0] : body);
        } catch (DataIntegrityViolationException | CannotAcquireLockException raced) {
            // a concurrent delivery of the same event committed first
            result = ConnectEvents.Result.DUPLICATE;
        }
        return new Received(result);
    }
}
