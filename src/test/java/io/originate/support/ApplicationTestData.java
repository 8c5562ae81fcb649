package io.originate.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applications as the mobile app sends them, built from a salaried applicant with a clean file.
 * Each one is a different person (national ID, mobile, device) from a counter, so that the
 * velocity checks never see two tests as one applicant, and every run builds the same people.
 */
public final class ApplicationTestData {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final int person = PEOPLE.incrementAndGet();

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> applicant = new LinkedHashMap<>();
    private final Map<String, Object> consents = new LinkedHashMap<>();

    private ApplicationTestData() {
        body.put("productCode", "CONSUMER_INSTALLMENT");
        body.put("amount", "30000.00");
        body.put("termMonths", 12);
        body.put("purpose", "HOME_IMPROVEMENT");
        applicant.put("fullName", "李明");
        applicant.put("nationalId", nationalId("19880612", person));
        applicant.put("mobile", "139" + String.format("%08d", person));
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
        body.put("device", new LinkedHashMap<>(Map.of("deviceId", "dev-" + person, "ipAddress", "198.51.100.7")));
    }

    public static ApplicationTestData aSalariedApplicant() {
        return new ApplicationTestData();
    }

    /** A valid resident ID born on the given date (yyyyMMdd), region 110105, for a new person. */
    public static String nationalId(String born) {
        return nationalId(born, PEOPLE.incrementAndGet());
    }

    /** A valid resident ID born on the given date: the n-th person of region 110105 born that day. */
    private static String nationalId(String born, int n) {
        String first17 = "110105" + born + String.format("%03d", 100 + n % 900);
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
