package io.originate.identity;

import io.originate.shared.ApiProblem;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications/{id}/otp")
class OtpController {

    public record CodeRequest(String code) {}

    private final OneTimePasswords otp;

    OtpController(OneTimePasswords otp) {
        this.otp = otp;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> send(@PathVariable String id) {
        otp.resend(id);
        return ResponseEntity.accepted().body(Map.of("status", "SENT"));
    }

    @PostMapping("/verify")
    public ResponseEntity<Void> verify(@PathVariable String id, @RequestBody CodeRequest request) {
        if (request == null || request.code() == null || request.code().isBlank()) {
            throw ApiProblem.invalid(java.util.List.of(new ApiProblem.FieldError("code", "is required")));
        }
        OneTimePasswords.Result result = otp.verify(id, request.code().strip());
        return switch (result.verification()) {
            case VERIFIED -> ResponseEntity.noContent().build();
            case WRONG ->
                throw ApiProblem.unprocessable("The code is wrong; " + result.attemptsLeft() + " attempt(s) remain");
            case EXHAUSTED ->
                throw ApiProblem.unprocessable(
                        "Too many wrong codes: this code no longer works; request a new one (0 attempts remain)");
            case EXPIRED -> throw ApiProblem.unprocessable("The code has expired; request a new one");
            case NONE_SENT -> throw ApiProblem.unprocessable("No code has been sent; request one");
        };
    }
}
