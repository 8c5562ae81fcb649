package io.originate.offer;

import io.originate.process.Outcomes;
import io.originate.process.ProcessBean;
import io.originate.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PriceOffer: prices the offer and sets when it expires, or says that no offer can be made. */
@Component
@ProcessBean
class PriceOfferDelegate implements JavaDelegate {

    private final OfferPricing offers;

    PriceOfferDelegate(OfferPricing offers) {
        this.offers = offers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offers.price(execution.getProcessBusinessKey())
                .ifPresentOrElse(
                        offer -> {
                            execution.setVariable(ProcessVariables.PRICING_OUTCOME, Outcomes.Pricing.OFFER.name());
                            execution.setVariable(
                                    ProcessVariables.OFFER_EXPIRES_AT,
                                    offer.validUntil().toString());
                        },
                        () -> execution.setVariable(ProcessVariables.PRICING_OUTCOME, Outcomes.Pricing.DECLINE.name()));
    }
}
