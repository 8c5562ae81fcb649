package io.originate.privacy;

import java.time.LocalDate;

/** The identifying personal data of one applicant. Kept only encrypted at rest, never in logs. */
public record ApplicantPii(
        String fullName,
        String nationalId,
        LocalDate birthDate,
        String mobile,
        String email,
        String residentialAddress,
        String deviceId,
        String ipAddress) {

    @Override
    public String toString() {
        return "ApplicantPii[redacted]";
    }
}
