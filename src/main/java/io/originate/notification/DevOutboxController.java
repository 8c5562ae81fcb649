package io.originate.notification;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox's messages to one recipient. Exists only while {@code originate.dev-endpoints} is true. */
@RestController
@ConditionalOnProperty(name = "originate.dev-endpoints", havingValue = "true")
class DevOutboxController {

    private final SandboxOutbox outbox;

    DevOutboxController(SandboxOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/dev/outbox")
    public List<SandboxOutbox.Message> outbox(
            @RequestParam(required = false) String mobile, @RequestParam(required = false) String email) {
        if (mobile != null) {
            return outbox.messagesTo(mobile);
        }
        if (email != null) {
            return outbox.messagesTo(email);
        }
        throw io.originate.shared.Refusal.malformed("Give mobile or email");
    }
}
