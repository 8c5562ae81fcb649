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
 * The sandbox payout: a balanced double-entry transaction in the app's own ledger (loans
 * receivable debited, the disbursement account credited). One payout per application, ever: the
 * application id is unique in the ledger. Documented sandbox amounts fail like a real rail:
 * 4,040.40 is refused for good (account closed), 5,050.50 never gets an answer (timeout).
 */
@Component
@ConditionalOnProperty(name = "originate.adapters.payout", havingValue = "ledger")
public class LedgerPayoutGateway implements PayoutGateway {

    public static final String LOANS_RECEIVABLE = "loans-receivable";
    public static final String DISBURSEMENT_ACCOUNT = "disbursement-clearing";
    static final BigDecimal REJECTED_AMOUNT = new BigDecimal("4040.40");
    static final BigDecimal TIMEOUT_AMOUNT = new BigDecimal("5050.50");

    private final JdbcClient jdbc;
    private final Clock clock;

    public LedgerPayoutGateway(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String pay(String applicationId, BigDecimal amount, String currency) {
        Optional<String> done = jdbc.sql("select id from ledger_transaction where application_id = ?")
                .param(applicationId)
                .query(String.class)
                .optional();
        if (done.isPresent()) {
            return done.get();
        }
        if (amount.compareTo(REJECTED_AMOUNT) == 0) {
            throw new PayoutRejectedException(
                    "ACCOUNT_CLOSED", "The receiving account is closed (sandbox amount 4040.40)");
        }
        if (amount.compareTo(TIMEOUT_AMOUNT) == 0) {
            throw new PayoutUnavailableException("The payout rail timed out (sandbox amount 5050.50)");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql(
                        "insert into ledger_transaction (id, application_id, kind, amount, currency, created_at) values (?, ?, 'DISBURSEMENT', ?, ?, ?)")
                .params(id, applicationId, amount, currency, Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("insert into ledger_entry (transaction_id, account, debit, credit) values (?, ?, ?, 0)")
                .params(id, LOANS_RECEIVABLE, amount)
                .update();
        jdbc.sql("insert into ledger_entry (transaction_id, account, debit, credit) values (?, ?, 0, ?)")
                .params(id, DISBURSEMENT_ACCOUNT, amount)
                .update();
        return id;
    }
}
