package io.originate.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox payout: one balanced double-entry transaction per application, whatever asks twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerPayoutGatewayTest {

    @LocalServerPort
    int port;

    @Autowired
    LedgerPayoutGateway ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void askedTwiceItPaysOnceAndEveryTransactionBalances() {
        String id =
                new Api(port).submit(ApplicationTestData.aSalariedApplicant()).id();
        String first = tx.execute(s -> ledger.pay(id, new BigDecimal("30000.00"), "CNY"));
        String second = tx.execute(s -> ledger.pay(id, new BigDecimal("30000.00"), "CNY"));
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from ledger_transaction where application_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        Map<String, Object> sums = jdbc.sql(
                        "select sum(debit) as d, sum(credit) as c from ledger_entry where transaction_id = ?")
                .param(first)
                .query()
                .singleRow();
        assertThat((BigDecimal) sums.get("D")).isEqualByComparingTo("30000.00").isEqualByComparingTo((BigDecimal)
                sums.get("C"));
    }

    @Test
    void documentedAmountsFailLikeARealRail() {
        String id =
                new Api(port).submit(ApplicationTestData.aSalariedApplicant()).id();
        assertThatThrownBy(() -> tx.execute(s -> ledger.pay(id, new BigDecimal("4040.40"), "CNY")))
                .isInstanceOf(PayoutRejectedException.class);
        assertThatThrownBy(() -> tx.execute(s -> ledger.pay(id, new BigDecimal("5050.50"), "CNY")))
                .isInstanceOf(PayoutUnavailableException.class);
        assertThat(jdbc.sql("select count(*) from ledger_transaction where application_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
