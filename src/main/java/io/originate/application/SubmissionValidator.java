package io.originate.application;

import io.originate.shared.Refusal.FieldError;
import io.originate.shared.Text;
import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rejects what is missing or malformed, listing every problem. Lending policy (age, income, limits)
 * is not validation: such applications are accepted and decided by the rules.
 */
final class SubmissionValidator {

    static final Set<String> PURPOSES = Set.of(
            "HOME_IMPROVEMENT", "EDUCATION", "MEDICAL", "TRAVEL", "CONSUMER_GOODS", "DEBT_CONSOLIDATION", "OTHER");
    static final Set<String> EMPLOYMENT = Set.of("EMPLOYED", "SELF_EMPLOYED", "UNEMPLOYED", "RETIRED", "STUDENT");
    private static final Pattern MONEY = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldError> errors = new ArrayList<>();
    private final Products products;
    private final LocalDate today;

    private SubmissionValidator(Products products, LocalDate today) {
        this.products = products;
        this.today = today;
    }

    static List<FieldError> validate(SubmissionRequest r, Products products, LocalDate today) {
        return new SubmissionValidator(products, today).check(r);
    }

    private List<FieldError> check(SubmissionRequest r) {
        if (r.productCode() == null || r.productCode().isBlank()) {
            add("productCode", "is required");
        } else if (!products.exists(r.productCode())) {
            add("productCode", "is not a product on offer");
        }
        money("amount", r.amount(), true);
        range("termMonths", r.termMonths(), 1, 600);
        oneOf("purpose", r.purpose(), PURPOSES);
        applicant(r.applicant());
        consents(r.consents());
        device(r.device());
        return errors;
    }

    private void applicant(SubmissionRequest.Applicant a) {
        if (a == null) {
            add("applicant", "is required");
            return;
        }
        text("applicant.fullName", a.fullName(), 1, 100);
        if (a.fullName() != null && !a.fullName().isBlank() && !Text.hasLetter(a.fullName())) {
            add("applicant.fullName", "must hold at least one letter");
        }
        NationalId.Result id = NationalId.parse(a.nationalId(), today);
        if (id.error() != null) {
            add("applicant.nationalId", id.error());
        }
        String mobile = MobileNumber.problem(a.mobile());
        if (mobile != null) {
            add("applicant.mobile", mobile);
        }
        if (a.email() == null || a.email().isBlank()) {
            add("applicant.email", "is required");
        } else if (a.email().length() > 254
                || !EMAIL.matcher(a.email().strip()).matches()
                || Text.problem(a.email(), false) != null) {
            add("applicant.email", "must be an e-mail address");
        }
        money("applicant.monthlyIncome", a.monthlyIncome(), false);
        money("applicant.monthlyDebtPayments", a.monthlyDebtPayments(), false);
        oneOf("applicant.employmentStatus", a.employmentStatus(), EMPLOYMENT);
        range("applicant.employmentMonths", a.employmentMonths(), 0, 1200);
        text("applicant.residentialAddress", a.residentialAddress(), 1, 300);
    }

    private void consents(SubmissionRequest.Consents c) {
        if (c == null) {
            add("consents", "is required: creditBureauQuery, personalInformation and electronicRecords must be true");
            return;
        }
        consent("consents.creditBureauQuery", c.creditBureauQuery());
        consent("consents.personalInformation", c.personalInformation());
        consent("consents.electronicRecords", c.electronicRecords());
    }

    private void consent(String field, Boolean given) {
        if (!Boolean.TRUE.equals(given)) {
            add(field, "consent is required and must be true");
        }
    }

    private void device(SubmissionRequest.Device d) {
        if (d == null) {
            add("device", "is required");
            return;
        }
        text("device.deviceId", d.deviceId(), 1, 128);
        if (d.ipAddress() == null || d.ipAddress().isBlank()) {
            add("device.ipAddress", "is required");
        } else if (!ipAddress(d.ipAddress())) {
            add("device.ipAddress", "must be an IPv4 or IPv6 address");
        }
    }

    private static boolean ipAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.indexOf(':') < 0 || value.length() > 45 || !value.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(value) instanceof Inet6Address; // a literal: nothing is looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void money(String field, String value, boolean positive) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else if (!MONEY.matcher(value).matches()) {
            add(field, "must be a decimal string with at most two places, e.g. \"30000.00\"");
        } else if (positive && new BigDecimal(value).signum() <= 0) {
            add(field, "must be greater than zero");
        }
    }

    private void range(String field, Integer value, int min, int max) {
        if (value == null) {
            add(field, "is required");
        } else if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max);
        }
    }

    private void oneOf(String field, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else if (!allowed.contains(value)) {
            add(
                    field,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private void text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else if (value.strip().length() < min || value.length() > max) {
            add(field, "must be " + min + " to " + max + " characters");
        } else if (Text.problem(value, false) != null) {
            add(field, Text.problem(value, false));
        }
    }

    private void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
