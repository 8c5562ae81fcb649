package io.originate.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff who oversee verify every audit chain and the anchors, and take an anchor on demand. */
@RestController
class AuditVerificationController {

    private final AuditVerification verification;

    AuditVerificationController(AuditVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/v1/staff/audit/verification")
    AuditVerification.Report verify() {
        return verification.verify();
    }

    @PostMapping("/api/v1/staff/audit/anchors")
    AuditVerification.Anchor anchor() {
        return verification.anchor();
    }
}
