package io.originate.disbursement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sandbox money movements: balanced double-entry transactions in the app's own ledger, at most
 * one of each kind per application (the database enforces it).
 *
 * <ul>
 *   <li>DISBURSEMENT: loans receivable debited, the disbursement account credited;
 *   <li>FEE_RECEIVABLE: fees receivable debited, fee income credited, when the fee falls due;
 *   <li>FEE_COLLECTION: the collection account debited, fees receivable credited;
 *   <li>FEE_REFUND (a collected fee returned) or FEE_CANCELLATION (an owed fee forgone) when the
 *       application ends without a loan.
 * </ul>
 *
 * Documented sandbox principals fail like a real rail: a payout of 4,040.40 is refused (account
 * closed) until the applicant, asked by operations, corrects the payout card; 5,050.50 never gets an answer; the fee of a 6,060.60 loan is refused (the
 * borrower's card declined), of a 7,070.70 loan never answered.
 */
@Component
@ConditionalOnProperty(name = "originate.adapters.payout", havingValue = "ledger")
class LedgerPayoutGateway implements PayoutGateway {

    public static final String LOANS_RECEIVABLE = "loans-receivable";
    public static final String DISBURSEMENT_ACCOUNT = "disbursement-clearing";
    public static final String FEES_RECEIVABLE = "fees-receivable";
    public static final String FEE_INCOME = "fee-income";
    public static final String COLLECTION_ACCOUNT = "collection-clearing";
    static final BigDecimal REJECTED_AMOUNT = new BigDecimal("4040.40");
    static final BigDecimal TIMEOUT_AMOUNT = new BigDecimal("5050.50");
    static final BigDecimal FEE_REFUSED_PRINCIPAL = new BigDecimal("6060.60");
    static final BigDecimal FEE_TIMEOUT_PRINCIPAL = new BigDecimal("7070.70");

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerPayoutGateway(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String pay(String applicationId, BigDecimal amount, String currency) {
        Optional<String> done = find(applicationId, "DISBURSEMENT");
        if (done.isPresent()) {
            return done.get();
        }
        if (amount.compareTo(REJECTED_AMOUNT) == 0 && !correctedSinceRefusal(applicationId)) {
            throw new PayoutRejectedException(
                    "ACCOUNT_CLOSED", "The receiving account is closed (sandbox amount 4040.40)");
        }
        if (amount.compareTo(TIMEOUT_AMOUNT) == 0) {
            throw new PayoutUnavailableException("The payout rail timed out (sandbox amount 5050.50)");
        }
        return post(applicationId, "DISBURSEMENT", amount, currency, LOANS_RECEIVABLE, DISBURSEMENT_ACCOUNT);
    }

    /** The sandbox's closed account: the card on file, until the applicant corrects it when asked. */
    private boolean correctedSinceRefusal(String applicationId) {
        return jdbc.sql("select count(*) from payout_account where application_id = ?"
                                + " and correction_requested_at is not null and updated_at > correction_requested_at")
                        .param(applicationId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Override
    public String collectFee(String applicationId, BigDecimal amount, String currency) {
        Optional<String> done = find(applicationId, "FEE_COLLECTION");
        if (done.isPresent()) {
            return done.get();
        }
        if (find(applicationId, "FEE_RECEIVABLE").isEmpty()) {
            post(applicationId, "FEE_RECEIVABLE", amount, currency, FEES_RECEIVABLE, FEE_INCOME);
        }
        BigDecimal principal = jdbc.sql("select amount from loan_application where id = ?")
                .param(applicationId)
                .query(BigDecimal.class)
                .single();
        if (principal.compareTo(FEE_REFUSED_PRINCIPAL) == 0) {
            throw new PayoutRejectedException(
                    "CARD_DECLINED", "The borrower's card was declined (sandbox principal 6060.60)");
        }
        if (principal.compareTo(FEE_TIMEOUT_PRINCIPAL) == 0) {
            throw new PayoutUnavailableException("The collection rail timed out (sandbox principal 7070.70)");
        }
        return post(applicationId, "FEE_COLLECTION", amount, currency, COLLECTION_ACCOUNT, FEES_RECEIVABLE);
    }

    @Override
    public void settleFee(String applicationId) {
        record Owed(BigDecimal amount, String currency) {}
        Optional<Owed> owed = jdbc.sql("select amount, currency from ledger_transaction where application_id = ?"
                        + " and kind = 'FEE_RECEIVABLE'")
                .param(applicationId)
                .query((rs, n) -> new Owed(rs.getBigDecimal(1), rs.getString(2)))
                .optional();
        if (owed.isEmpty()
                || find(applicationId, "FEE_REFUND").isPresent()
                || find(applicationId, "FEE_CANCELLATION").isPresent()) {
            return;
        }
        if (find(applicationId, "FEE_COLLECTION").isPresent()) {
            post(
                    applicationId,
                    "FEE_REFUND",
                    owed.get().amount(),
                    owed.get().currency(),
                    FEE_INCOME,
                    COLLECTION_ACCOUNT);
        } else {
            post(
                    applicationId,
                    "FEE_CANCELLATION",
                    owed.get().amount(),
                    owed.get().currency(),
                    FEE_INCOME,
                    FEES_RECEIVABLE);
        }
    }

    private Optional<String> find(String applicationId, String kind) {
        return jdbc.sql("select id from ledger_transaction where application_id = ? and kind = ?")
                .params(applicationId, kind)
                .query(String.class)
                .optional();
    }

    /** One balanced transaction: the amount debited to one account and credited to the other. */
    private String post(
            String applicationId, String kind, BigDecimal amount, String currency, String debit, String credit) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into ledger_transaction (id, application_id, kind, amount, currency, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, applicationId, kind, amount, currency, Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("insert into ledger_entry (transaction_id, account, debit, credit) values (?, ?, ?, 0)")
                .params(id, debit, amount)
                .update();
        jdbc.sql("insert into ledger_entry (transaction_id, account, debit, credit) values (?, ?, 0, ?)")
                .params(id, credit, amount)
                .update();
        return id;
    }
}
