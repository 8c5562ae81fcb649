package io.originate.application;

import io.originate.process.ProcessBean;
import org.springframework.stereotype.Component;

/**
 * The regulated periods of an application's product, for the models' timers
 * ({@code ${productTerms.coolingOff(execution.processBusinessKey)}}). They are read from the
 * product configuration when the timer starts, never from a process variable that anyone could
 * have changed on the way.
 */
@Component("productTerms")
@ProcessBean
public class ProductTerms {

    private final LoanApplications applications;
    private final Products products;

    public ProductTerms(LoanApplications applications, Products products) {
        this.applications = applications;
        this.products = products;
    }

    /** The cooling-off period after signing, as an ISO-8601 duration (PT0S: none). */
    public String coolingOff(String applicationId) {
        return product(applicationId).coolingOff().toString();
    }

    /** How long the borrower has to sign once the offer is accepted, as an ISO-8601 period. */
    public String signingPeriod(String applicationId) {
        return product(applicationId).signingValidFor().toString();
    }

    /** The product the application was made for. */
    public Products.Product product(String applicationId) {
        return products.get(applications.get(applicationId).productCode());
    }
}
