package io.originate.disbursement;

import io.originate.audit.AuditTrail;
import io.originate.offer.Disclosure;
import io.originate.offer.OfferStore;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fees the disclosure says are paid at signing: collected once the agreement is signed (a
 * refusal keeps the loan from being paid out and says so), refunded when the application then
 * ends without a loan (withdrawal in the cooling-off period, a payout cancelled by operations).
 */
@Service
class Fees {

    private final OfferStore offers;
    private final PayoutGateway gateway;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Fees(OfferStore offers, PayoutGateway gateway, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.offers = offers;
        this.gateway = gateway;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The total due at signing, from the disclosure the borrower accepted. */
    public BigDecimal dueAtSigning(String applicationId) {
        return offers.find(applicationId)
                .map(o -> o.disclosure().fees().stream()
                        .filter(f -> "AT_SIGNING".equals(f.due()))
                        .map(f -> new BigDecimal(f.amount()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .orElse(BigDecimal.ZERO);
    }

    /** Collects the fee due at signing, once; throws {@link PayoutRejectedException} if refused for good. */
    @Transactional(noRollbackFor = PayoutRejectedException.class)
    public void collect(String applicationId) {
        BigDecimal fee = dueAtSigning(applicationId);
        if (fee.signum() == 0 || collected(applicationId)) {
            return;
        }
        Disclosure d = offers.find(applicationId).orElseThrow().disclosure();
        String collection = gateway.collectFee(applicationId, fee, d.currency());
        jdbc.sql("update offer set fee_collection = ? where application_id = ?")
                .params(collection, applicationId)
                .update();
        audit.append(applicationId, "FEE_COLLECTED", "Fee of " + fee + " " + d.currency() + " collected at signing");
    }

    /** Whether nothing is owed at signing any more: no fee, or the fee collected. */
    public boolean settledForPayout(String applicationId) {
        return dueAtSigning(applicationId).signum() == 0 || collected(applicationId);
    }

    /** The application ends without a loan: a collected fee goes back, an owed one is forgone. */
    @Transactional
    public void settle(String applicationId) {
        if (dueAtSigning(applicationId).signum() == 0 || settledAt(applicationId)) {
            return;
        }
        boolean wasCollected = collected(applicationId);
        gateway.settleFee(applicationId);
        jdbc.sql("update offer set fee_settled_at = ? where application_id = ?")
                .params(Timestamp.from(clock.instant()), applicationId)
                .update();
        audit.append(
                applicationId,
                wasCollected ? "FEE_REFUNDED" : "FEE_CANCELLED",
                wasCollected
                        ? "The fee collected at signing was refunded: no loan was paid out"
                        : "The fee is no longer owed: no loan was paid out");
    }

    private boolean collected(String applicationId) {
        return jdbc.sql("select count(*) from offer where application_id = ? and fee_collection is not null")
                        .param(applicationId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private boolean settledAt(String applicationId) {
        return jdbc.sql("select count(*) from offer where application_id = ? and fee_settled_at is not null")
                        .param(applicationId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
