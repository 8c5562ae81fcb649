package io.originate.disbursement;

import java.math.BigDecimal;

/**
 * Moves money between the lender and the borrower: pays a loan out, collects the fee due at
 * signing, and refunds it. The application id is the idempotency key: asked twice, the gateway acts
 * once and answers the same. Throws {@link PayoutRejectedException} for a permanent refusal and
 * {@link PayoutUnavailableException} for a transient failure.
 */
public interface PayoutGateway {

    /** Pays the principal out to the borrower. */
    String pay(String applicationId, BigDecimal amount, String currency);

    /** Records the fee as owed and collects it from the borrower. */
    String collectFee(String applicationId, BigDecimal amount, String currency);

    /**
     * Settles the fee of an application that ends without a loan: a collected fee is refunded, an
     * owed one cancelled; nothing happens where no fee was owed.
     */
    void settleFee(String applicationId);
}
