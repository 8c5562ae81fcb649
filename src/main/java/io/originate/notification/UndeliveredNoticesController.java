package io.originate.notification;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff see the notices waiting for delivery (staff authentication is required). */
@RestController
class UndeliveredNoticesController {

    private final NoticeRetries retries;

    UndeliveredNoticesController(NoticeRetries retries) {
        this.retries = retries;
    }

    @GetMapping("/api/v1/staff/notices/undelivered")
    List<NoticeRetries.Undelivered> undelivered() {
        return retries.undelivered();
    }
}
