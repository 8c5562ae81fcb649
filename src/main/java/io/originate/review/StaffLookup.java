package io.originate.review;

import io.originate.application.LoanApplications;
import io.originate.application.MobileNumber;
import io.originate.application.NationalId;
import io.originate.audit.AuditTrail;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.PiiVault;
import io.originate.shared.RateLimits;
import io.originate.shared.Refusal;
import io.originate.shared.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff looking beyond the masked view, each time on the record ({@code staff_access}): finding
 * the applications of a caller's mobile or national ID (matched by blind index, the number itself
 * kept nowhere), and seeing an applicant's personal data in clear, with a reason, a few fields at a
 * time, limited per person. The applicant's own timeline says that staff viewed which fields, not
 * who or why (that is for compliance, through {@link #log}).
 */
@Service
class StaffLookup {

    /** The fields a reveal may show, in the order they are shown. */
    static final Map<String, Function<ApplicantPii, String>> FIELDS = fields();

    private static Map<String, Function<ApplicantPii, String>> fields() {
        Map<String, Function<ApplicantPii, String>> f = new LinkedHashMap<>();
        f.put("fullName", ApplicantPii::fullName);
        f.put("nationalId", ApplicantPii::nationalId);
        f.put("birthDate", p -> p.birthDate().toString());
        f.put("mobile", ApplicantPii::mobile);
        f.put("email", ApplicantPii::email);
        f.put("residentialAddress", ApplicantPii::residentialAddress);
        return f;
    }

    record Found(String applicationId, String status, String submittedAt) {}

    record Access(
            String at,
            String userId,
            String kind,
            String applicationId,
            String fields,
            String reason,
            Integer results) {}

    private final LoanApplications applications;
    private final PiiCipher cipher;
    private final PiiVault vault;
    private final AuditTrail audit;
    private final RateLimits limits;
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffLookup(
            LoanApplications applications,
            PiiCipher cipher,
            PiiVault vault,
            AuditTrail audit,
            RateLimits limits,
            JdbcClient jdbc,
            Clock clock) {
        this.applications = applications;
        this.cipher = cipher;
        this.vault = vault;
        this.audit = audit;
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The applications of one mobile or one national ID (exactly one is given), newest first. */
    @Transactional
    public List<Found> search(String user, String mobile, String nationalId) {
        if ((mobile == null) == (nationalId == null)) {
            throw Refusal.invalid("mobile", "give exactly one of mobile and nationalId");
        }
        limit(RateLimits.STAFF_SEARCHES_PER_USER, user, "searches");
        String column;
        String index;
        if (mobile != null) {
            String problem = MobileNumber.problem(mobile);
            if (problem != null) {
                throw Refusal.invalid("mobile", problem);
            }
            column = "mobile_index";
            index = cipher.blindIndex("mobile", mobile.strip());
        } else {
            NationalId.Result parsed = NationalId.parse(nationalId, LocalDate.now(clock));
            if (parsed.id().isEmpty()) {
                throw Refusal.invalid("nationalId", parsed.error());
            }
            column = "national_id_index";
            index = cipher.blindIndex("nationalId", parsed.id().get().value());
        }
        List<Found> found = applications.sharing(column, index, "").stream()
                .map(r -> new Found(r.id(), r.status().name(), r.submittedAt().toString()))
                .toList();
        String by = mobile != null ? "mobile" : "nationalId";
        if (found.isEmpty()) {
            record(user, "SEARCH", null, by, null, 0);
        }
        for (Found f : found) { // one line per application found, so that its own record shows the search
            record(user, "SEARCH", f.applicationId(), by, null, found.size());
        }
        return found;
    }

    /** The chosen fields of an applicant's personal data in clear, for a stated reason. */
    @Transactional
    public Map<String, String> reveal(String user, String applicationId, List<String> fields, String reason) {
        if (applications.find(applicationId).isEmpty()) {
            throw Refusal.notFound();
        }
        if (fields == null || fields.isEmpty() || !FIELDS.keySet().containsAll(fields)) {
            throw Refusal.invalid("fields", "choose from " + String.join(", ", FIELDS.keySet()));
        }
        if (reason == null
                || reason.length() > 1000
                || Text.problem(reason, false) != null
                || reason.codePoints().filter(Character::isLetter).distinct().count() < 4
                || reason.strip().length() < 10) {
            throw Refusal.invalid("reason", "say why in words, 10 to 1000 characters, on one line");
        }
        limit(RateLimits.STAFF_REVEALS_PER_USER, user, "reveals");
        ApplicantPii pii = vault.find(applicationId)
                .orElseThrow(() -> Refusal.gone(
                        "The personal data of this application was erased under the retention" + " policy"));
        Map<String, String> shown = new LinkedHashMap<>();
        FIELDS.forEach((name, value) -> {
            if (fields.contains(name)) {
                shown.put(name, value.apply(pii));
            }
        });
        String names = String.join(",", shown.keySet());
        record(user, "REVEAL", applicationId, names, reason.strip(), null);
        audit.append(applicationId, "PERSONAL_DATA_VIEWED", "Staff viewed your " + names.replace(",", ", "));
        return shown;
    }

    /**
     * A task form that shows personal data in clear to its candidates (the applicant's side of a
     * sanctions comparison) is a reveal too: recorded for the group, with the task as the reason.
     */
    @Transactional
    public void shownInForm(String applicationId, String group, String task, String fields) {
        record("group:" + group, "FORM", applicationId, fields, "shown in the form of " + task, null);
    }

    /** The record of searches and reveals: of one application, or the latest 200 of all. */
    public List<Access> log(String applicationId) {
        return jdbc.sql("select at, user_id, kind, application_id, fields, reason, results from staff_access"
                        + (applicationId == null ? "" : " where application_id = :id")
                        + " order by id desc limit 200")
                .paramSource(applicationId == null ? Map.of() : Map.of("id", applicationId))
                .query((rs, n) -> new Access(
                        rs.getTimestamp(1).toInstant().toString(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (Integer) rs.getObject(7)))
                .list();
    }

    private void limit(String limit, String user, String what) {
        limits.tryConsume(limit, user).ifPresent(wait -> {
            throw Refusal.limited("Too many " + what + " by " + user + " for now; try again later", wait);
        });
    }

    private void record(String user, String kind, String applicationId, String fields, String reason, Integer results) {
        jdbc.sql("insert into staff_access (at, user_id, kind, application_id, fields, reason, results)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), user, kind, applicationId, fields, reason, results)
                .update();
    }
}
