package io.originate.application;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LoanApplications {

    private static final String COLUMNS = "id, status, product_code, amount, term_months, purpose, employment_status,"
            + " employment_months, monthly_income, monthly_debt_payments, national_id_index, mobile_index,"
            + " device_index, access_token_hash, submitted_at, phone_verified_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public LoanApplications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new application, its blind indexes made under the index key {@code indexKey}. */
    void insert(LoanApplication a, String indexKey) {
        jdbc.sql("insert into loan_application (" + COLUMNS + ", updated_at, index_key)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.status().name(),
                        a.productCode(),
                        a.amount(),
                        a.termMonths(),
                        a.purpose(),
                        a.employmentStatus(),
                        a.employmentMonths(),
                        a.monthlyIncome(),
                        a.monthlyDebtPayments(),
                        a.nationalIdIndex(),
                        a.mobileIndex(),
                        a.deviceIndex(),
                        a.accessTokenHash(),
                        Timestamp.from(a.submittedAt()),
                        null,
                        Timestamp.from(a.submittedAt()),
                        indexKey)
                .update();
    }

    /** Applications whose blind indexes were made under another index key than {@code indexKey}. */
    List<String> indexedUnderOtherKey(String indexKey, int limit) {
        return jdbc.sql("select id from loan_application where (index_key is null or index_key <> ?)"
                        + " and personal_data_erased_at is null order by id limit ?")
                .params(indexKey, limit)
                .query(String.class)
                .list();
    }

    long countIndexedUnderOtherKey(String indexKey) {
        return jdbc.sql("select count(*) from loan_application where (index_key is null or index_key <> ?)"
                        + " and personal_data_erased_at is null")
                .param(indexKey)
                .query(Long.class)
                .single();
    }

    /**
     * Applications in a final state since before {@code cutoff} whose personal data is still kept,
     * in id order after {@code afterId}.
     */
    List<String> finalSince(Instant cutoff, String afterId, int limit) {
        return jdbc.sql("select id from loan_application where status in (:final) and updated_at < :cutoff"
                        + " and personal_data_erased_at is null and id > :after order by id limit :limit")
                .param(
                        "final",
                        java.util.Arrays.stream(ApplicationStatus.values())
                                .filter(ApplicationStatus::isFinal)
                                .map(Enum::name)
                                .toList())
                .param("cutoff", Timestamp.from(cutoff))
                .param("after", afterId)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** The personal data is gone: so are the blind indexes, which would still link its records. */
    boolean markErased(String id, Instant at) {
        return jdbc.sql("update loan_application set personal_data_erased_at = ?, national_id_index = 'erased',"
                                + " mobile_index = 'erased', device_index = 'erased', index_key = null"
                                + " where id = ? and personal_data_erased_at is null")
                        .params(Timestamp.from(at), id)
                        .update()
                == 1;
    }

    void reindex(String id, String nationalIdIndex, String mobileIndex, String deviceIndex, String indexKey) {
        jdbc.sql("update loan_application set national_id_index = ?, mobile_index = ?, device_index = ?, index_key = ?"
                        + " where id = ? and personal_data_erased_at is null")
                .params(nationalIdIndex, mobileIndex, deviceIndex, indexKey, id)
                .update();
    }

    public Optional<LoanApplication> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from loan_application where id = ?")
                .param(id)
                .query(LoanApplications::map)
                .optional();
    }

    /** The application whose access token has this hash. */
    public Optional<String> idByTokenHash(String accessTokenHash) {
        return jdbc.sql("select id from loan_application where access_token_hash = ?")
                .param(accessTokenHash)
                .query(String.class)
                .optional();
    }

    public LoanApplication get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No application " + id));
    }

    /** Locks the application's row for the rest of the transaction. */
    public LoanApplication lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from loan_application where id = ? for update")
                .param(id)
                .query(LoanApplications::map)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No application " + id));
    }

    /** Moves to a status only from one of the given ones; false when the application is elsewhere. */
    boolean transition(String id, ApplicationStatus to, Collection<ApplicationStatus> from) {
        return jdbc.sql(
                                "update loan_application set status = :to, updated_at = :now where id = :id and status in (:from)")
                        .param("to", to.name())
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    void setStatus(String id, ApplicationStatus to) {
        jdbc.sql("update loan_application set status = ?, updated_at = ? where id = ?")
                .params(to.name(), Timestamp.from(clock.instant()), id)
                .update();
    }

    public void markPhoneVerified(String id, Instant at) {
        jdbc.sql("update loan_application set phone_verified_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    /** How many applications carry the given blind index in a column since a time (velocity checks). */
    public int countSince(String column, String index, Instant since) {
        if (!column.matches("national_id_index|mobile_index|device_index")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select count(*) from loan_application where " + column + " = ? and submitted_at >= ?")
                .params(index, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** Records a counter-offer: the loan is offered and paid out on these terms instead of those asked. */
    public void approveTerms(String id, BigDecimal amount, int termMonths) {
        jdbc.sql("update loan_application set approved_amount = ?, approved_term_months = ?, updated_at = ?"
                        + " where id = ?")
                .params(amount, termMonths, Timestamp.from(clock.instant()), id)
                .update();
    }

    /** The application on the terms it is offered and paid out on: those approved, or those asked. */
    public LoanApplication offered(String id) {
        LoanApplication a = get(id);
        return jdbc.sql("select approved_amount, approved_term_months from loan_application where id = ?")
                .param(id)
                .query((rs, n) -> rs.getBigDecimal(1) == null ? a : a.withTerms(rs.getBigDecimal(1), rs.getInt(2)))
                .single();
    }

    /** Another application that shares a blind index with the one under review. */
    public record Related(String id, ApplicationStatus status, Instant submittedAt) {}

    /** The other applications (newest first, at most ten) carrying this blind index in a column. */
    public List<Related> sharing(String column, String index, String exceptId) {
        if (!column.matches("national_id_index|mobile_index|device_index")) {
            throw new IllegalArgumentException(column);
        }
        if (index == null) {
            return List.of();
        }
        return jdbc.sql("select id, status, submitted_at from loan_application where " + column
                        + " = ? and id <> ? order by submitted_at desc limit 10")
                .params(index, exceptId)
                .query((rs, n) -> new Related(
                        rs.getString(1),
                        ApplicationStatus.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** How many different national IDs applied with the given device or mobile since a time. */
    public int distinctIdentitiesSince(String column, String index, Instant since) {
        if (!column.matches("mobile_index|device_index")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select count(distinct national_id_index) from loan_application where " + column
                        + " = ? and submitted_at >= ?")
                .params(index, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    private static LoanApplication map(ResultSet rs, int row) throws SQLException {
        Timestamp verified = rs.getTimestamp("phone_verified_at");
        return new LoanApplication(
                rs.getString("id"),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("product_code"),
                rs.getBigDecimal("amount"),
                rs.getInt("term_months"),
                rs.getString("purpose"),
                rs.getString("employment_status"),
                rs.getInt("employment_months"),
                rs.getBigDecimal("monthly_income"),
                rs.getBigDecimal("monthly_debt_payments"),
                rs.getString("national_id_index"),
                rs.getString("mobile_index"),
                rs.getString("device_index"),
                rs.getString("access_token_hash"),
                rs.getTimestamp("submitted_at").toInstant(),
                verified == null ? null : verified.toInstant());
    }
}
