package io.originate.identity;

import io.originate.application.ApplicantAccess;
import io.originate.application.LoanApplication;
import io.originate.shared.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications/{id}/otp")
class OtpController {

    record CodeRequest(String code) {}

    record Sent(String status) {}

    private final OneTimePasswords otp;

    OtpController(OneTimePasswords otp) {
        this.otp = otp;
    }

    @PostMapping
    public ResponseEntity<Sent> send(@ApplicantAccess LoanApplication application) {
        otp.resend(application.id());
        return ResponseEntity.accepted().body(new Sent("SENT"));
    }

    @PostMapping("/verify")
    public ResponseEntity<Void> verify(@ApplicantAccess LoanApplication application, @RequestBody CodeRequest request) {
        if (request == null || request.code() == null || request.code().isBlank()) {
            throw Refusal.invalid("code", "is required");
        }
        OneTimePasswords.Result result =
                otp.verify(application.id(), request.code().strip());
        return switch (result.verification()) {
            case VERIFIED -> ResponseEntity.noContent().build();
            case WRONG -> throw Refusal.rejected("The code is wrong; " + result.attemptsLeft() + " attempt(s) remain");
            case EXHAUSTED ->
                throw Refusal.rejected(
                        "Too many wrong codes: this code no longer works; request a new one (0 attempts remain)");
            case EXPIRED -> throw Refusal.rejected("The code has expired; request a new one");
            case NONE_SENT -> throw Refusal.rejected("No code has been sent; request one");
        };
    }
}
