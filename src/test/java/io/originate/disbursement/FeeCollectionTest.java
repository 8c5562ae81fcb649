package io.originate.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fee the disclosure says is paid at signing is owed, collected and, when no loan follows,
 * returned, each as a balanced ledger transaction; a fee that cannot be collected stops the payout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeeCollectionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Disbursements disbursements;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Submitted signed(String amount) {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant().with("amount", amount));
        api.signLocally(api.accept(a));
        return a;
    }

    private List<String> kinds(Api.Submitted a) {
        return jdbc.sql("select kind from ledger_transaction where application_id = ? order by created_at, kind")
                .param(a.id())
                .query(String.class)
                .list();
    }

    private BigDecimal fee(Api.Submitted a) {
        return new BigDecimal(
                api.get(a, "/offer").json().path("fees").get(0).path("amount").asText());
    }

    private void balances(Api.Submitted a) {
        BigDecimal[] sums = jdbc.sql("select coalesce(sum(e.debit), 0), coalesce(sum(e.credit), 0) from ledger_entry e"
                        + " join ledger_transaction t on t.id = e.transaction_id where t.application_id = ?")
                .param(a.id())
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .single();
        assertThat(sums[0]).isEqualByComparingTo(sums[1]);
    }

    @Test
    void aSignedLoansFeeIsOwedAndCollectedBeforeThePayout() {
        Api.Submitted a = signed("30000.00");
        api.waitForStatus(a, s -> s.equals("DISBURSED"));
        assertThat(kinds(a)).containsExactlyInAnyOrder("FEE_RECEIVABLE", "FEE_COLLECTION", "DISBURSEMENT");
        BigDecimal collected = jdbc.sql("select amount from ledger_transaction where application_id = ?"
                        + " and kind = 'FEE_COLLECTION'")
                .param(a.id())
                .query(BigDecimal.class)
                .single();
        assertThat(collected).isEqualByComparingTo(fee(a));
        balances(a);
        String timeline = api.get(a, "/timeline").body();
        assertThat(timeline.indexOf("FEE_COLLECTED")).isPositive().isLessThan(timeline.indexOf("LOAN_PAID_OUT"));
    }

    @Test
    void aFeeThatCannotBeCollectedCancelsTheLoanAndSaysSo() {
        Api.Submitted a = signed("6060.60");
        JsonNode cancelled = api.waitForStatus(a, s -> s.matches("CANCELLED|DISBURSED"));
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(kinds(a)).containsExactlyInAnyOrder("FEE_RECEIVABLE", "FEE_CANCELLATION");
        balances(a);
        assertThat(api.get(a, "/timeline").body()).contains("FEE_NOT_COLLECTED").contains("will not be paid out");
    }

    @Test
    void aFeeIsReturnedWhenOperationsCancelARefusedPayout() {
        Api.Submitted a = signed("4040.40");
        String task = api.waitFor(() -> {
            JsonNode t = api.staff("ops", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t.get(0).path("id").asText();
        });
        assertThat(api.staffPost(
                                "ops",
                                "originate",
                                "/engine-rest/task/" + task + "/complete",
                                "{\"variables\":{\"payoutResolution\":{\"value\":\"CANCEL\"},"
                                        + "\"payoutCancelReason\":{\"value\":\"RAIL_REFUSES\"}}}")
                        .status())
                .isEqualTo(204);
        api.waitFor(() -> kinds(a).contains("FEE_REFUND") ? true : null);
        assertThat(kinds(a)).containsExactlyInAnyOrder("FEE_RECEIVABLE", "FEE_COLLECTION", "FEE_REFUND");
        balances(a);
        assertThat(api.get(a, "/timeline").body()).contains("FEE_REFUNDED");
    }

    @Test
    void noPayoutWithoutASignedAgreementWhateverTheStatusSays() {
        Api.Submitted a = api.approved(ApplicationTestData.aSalariedApplicant());
        jdbc.sql("update loan_application set status = 'SIGNED' where id = ?")
                .param(a.id())
                .update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> disbursements.disburse(a.id()))
                .hasMessageContaining("no signed agreement");
        assertThat(jdbc.sql(
                                "select count(*) from ledger_transaction where application_id = ? and kind = 'DISBURSEMENT'")
                        .param(a.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
