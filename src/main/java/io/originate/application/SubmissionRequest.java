package io.originate.application;

/**
 * The body of {@code POST /api/v1/applications}. Every field is optional at the JSON level so that
 * validation can list every missing one; unknown fields are refused by the JSON reader.
 */
record SubmissionRequest(
        String productCode,
        String amount,
        Integer termMonths,
        String purpose,
        Applicant applicant,
        Consents consents,
        Device device) {

    public record Applicant(
            String fullName,
            String nationalId,
            String mobile,
            String email,
            String monthlyIncome,
            String monthlyDebtPayments,
            String employmentStatus,
            Integer employmentMonths,
            String residentialAddress) {

        @Override
        public String toString() {
            return "Applicant[redacted]";
        }
    }

    public record Consents(Boolean creditBureauQuery, Boolean personalInformation, Boolean electronicRecords) {}

    public record Device(String deviceId, String ipAddress) {
        @Override
        public String toString() {
            return "Device[redacted]";
        }
    }
}
