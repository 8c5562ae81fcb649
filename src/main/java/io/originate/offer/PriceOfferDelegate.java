package io.originate.offer;

import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PriceOffer: prices the offer and sets the time at which it expires. */
@Component
public class PriceOfferDelegate implements JavaDelegate {

    private final Offers offers;

    public PriceOfferDelegate(Offers offers) {
        this.offers = offers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Offers.Stored offer = offers.price(execution.getProcessBusinessKey());
        execution.setVariable(
                ProcessVariables.OFFER_EXPIRES_AT, offer.validUntil().toString());
    }
}
