package io.originate.signing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** DocuSign Connect (JSON, SIM) deliveries. A retried or duplicated delivery is answered 200. */
@RestController
public class ConnectWebhookController {

    private final ConnectEvents events;

    public ConnectWebhookController(ConnectEvents events) {
        this.events = events;
    }

    @PostMapping("/api/v1/webhooks/docusign")
    public Map<String, String> receive(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        List<String> signatures = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String header = request.getHeader("X-DocuSign-Signature-" + i);
            if (header != null) {
                signatures.add(header);
            }
        }
        byte[] raw = body == null ? new byte[0] : body;
        ConnectEvents.Result result;
        try {
            result = events.receive(raw, signatures);
        } catch (DataIntegrityViolationException | CannotAcquireLockException raced) {
            // a concurrent delivery of the same event committed first
            result = ConnectEvents.Result.DUPLICATE;
        }
        return Map.of("result", result.name());
    }
}
