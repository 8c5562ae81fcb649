package io.originate.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Applications as the mobile app sends them, built from a salaried applicant with a clean file. */
public final class ApplicationTestData {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> applicant = new LinkedHashMap<>();
    private final Map<String, Object> consents = new LinkedHashMap<>();

    private ApplicationTestData() {
        body.put("productCode", "CONSUMER_INSTALLMENT");
        body.put("amount", "30000.00");
        body.put("termMonths", 12);
        body.put("purpose", "HOME_IMPROVEMENT");
        applicant.put("fullName", "李明");
        applicant.put("nationalId", nationalId("19880612"));
        applicant.put(
                "mobile",
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        applicant.put("email", "li.ming@example.com");
        applicant.put("monthlyIncome", "20000.00");
        applicant.put("monthlyDebtPayments", "1500.00");
        applicant.put("employmentStatus", "EMPLOYED");
        applicant.put("employmentMonths", 36);
        applicant.put("residentialAddress", "上海市浦东新区世纪大道 100 号");
        body.put("applicant", applicant);
        consents.put("creditBureauQuery", true);
        consents.put("personalInformation", true);
        consents.put("electronicRecords", true);
        body.put("consents", consents);
        body.put(
                "device",
                new LinkedHashMap<>(Map.of(
                        "deviceId",
                        "dev-" + ThreadLocalRandom.current().nextInt(1_000_000),
                        "ipAddress",
                        "198.51.100.7")));
    }

    public static ApplicationTestData aSalariedApplicant() {
        return new ApplicationTestData();
    }

    /** A valid resident ID born on the given date (yyyyMMdd), region 110105, random sequence. */
    public static String nationalId(String born) {
        String first17 = "110105" + born
                + String.format("%03d", ThreadLocalRandom.current().nextInt(100, 999));
        return first17 + io.originate.application.NationalId.checkDigit(first17);
    }

    public ApplicationTestData with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public ApplicationTestData withApplicant(String field, Object value) {
        applicant.put(field, value);
        return this;
    }

    public ApplicationTestData withConsent(String consent, Object value) {
        consents.put(consent, value);
        return this;
    }

    public String mobile() {
        return (String) applicant.get("mobile");
    }

    public Map<String, Object> build() {
        return body;
    }
}
