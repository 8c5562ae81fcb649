package io.originate.disbursement;

import io.originate.privacy.PiiCipher;
import io.originate.privacy.SealedColumn;
import io.originate.privacy.SealedStore;
import io.originate.shared.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank card a loan is paid out to (encrypted like all personal data; only its last four
 * digits are shown), what the payout rail answered when it refused, and whether the applicant was
 * asked to correct the card and has done so.
 */
@Service
public class PayoutAccounts implements SealedStore {

    /** What staff and the applicant see: never the number. */
    public record View(
            String bankCard,
            String refusalCode,
            String refusalMessage,
            Instant refusedAt,
            boolean correctionRequested,
            boolean correctedSinceRequest) {}

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final Clock clock;

    PayoutAccounts(JdbcClient jdbc, PiiCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void erase(String applicationId) {
        jdbc.sql("update payout_account set ciphertext = null, last4 = null, refusal_message = null"
                        + " where application_id = ?")
                .param(applicationId)
                .update();
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.of("payout_account", "application_id", "ciphertext")
                .boundTo("application_id", ":payout-account"));
    }

    /** Null when the number can be a bank card (16 to 19 digits, Luhn check digit), else what is wrong. */
    static String problem(String number) {
        if (number == null || !number.matches("\\d{16,19}")) {
            return "must be 16 to 19 digits";
        }
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int d = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0 ? null : "is not a valid card number (check digit)";
    }

    @Transactional
    public void set(String applicationId, String number) {
        String problem = problem(number);
        if (problem != null) {
            throw Refusal.invalid("bankCardNumber", problem);
        }
        ensureRow(applicationId);
        jdbc.sql("update payout_account set ciphertext = ?, last4 = ?, updated_at = ? where application_id = ?")
                .params(
                        cipher.encrypt(number, applicationId + ":payout-account"),
                        number.substring(number.length() - 4),
                        Timestamp.from(clock.instant()),
                        applicationId)
                .update();
    }

    @Transactional
    public void refused(String applicationId, String code, String message) {
        ensureRow(applicationId);
        jdbc.sql("update payout_account set refusal_code = ?, refusal_message = ?, refused_at = ?"
                        + " where application_id = ?")
                .params(code, message, Timestamp.from(clock.instant()), applicationId)
                .update();
    }

    @Transactional
    public void requestCorrection(String applicationId) {
        ensureRow(applicationId);
        jdbc.sql("update payout_account set correction_requested_at = ? where application_id = ?")
                .params(Timestamp.from(clock.instant()), applicationId)
                .update();
    }

    public Optional<View> find(String applicationId) {
        return jdbc.sql("select last4, refusal_code, refusal_message, refused_at, correction_requested_at, updated_at"
                        + " from payout_account where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> {
                    Timestamp requested = rs.getTimestamp(5);
                    Timestamp updated = rs.getTimestamp(6);
                    return new View(
                            rs.getString(1) == null ? null : "**** **** **** " + rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4) == null
                                    ? null
                                    : rs.getTimestamp(4).toInstant(),
                            requested != null,
                            requested != null && updated != null && updated.after(requested));
                })
                .optional();
    }

    private void ensureRow(String applicationId) {
        if (jdbc.sql("select count(*) from payout_account where application_id = ?")
                        .param(applicationId)
                        .query(Integer.class)
                        .single()
                == 0) {
            jdbc.sql("insert into payout_account (application_id) values (?)")
                    .param(applicationId)
                    .update();
        }
    }
}
