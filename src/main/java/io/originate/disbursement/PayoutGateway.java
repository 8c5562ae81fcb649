package io.originate.disbursement;

import java.math.BigDecimal;

/**
 * Pays a loan out. The application id is the idempotency key: asked twice, the gateway pays once
 * and answers with the same payout. Throws {@link PayoutRejectedException} for a permanent refusal
 * and {@link PayoutUnavailableException} for a transient failure.
 */
public interface PayoutGateway {

    String pay(String applicationId, BigDecimal amount, String currency);
}
