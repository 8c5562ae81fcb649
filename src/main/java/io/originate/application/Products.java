package io.originate.application;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The loan products on offer, from {@code originate.products}. */
@ConfigurationProperties("originate")
public record Products(Map<String, Product> products) {

    public record Product(
            String currency, Period offerValidFor, Period signingValidFor, Duration coolingOff, Repayment repayment) {

        /** Equal instalments unless the product says otherwise. */
        @Override
        public Repayment repayment() {
            return repayment == null ? Repayment.EQUAL_INSTALMENTS : repayment;
        }
    }

    /** How a loan is repaid: equal monthly instalments (等额本息) or equal principal (等额本金). */
    public enum Repayment {
        EQUAL_INSTALMENTS,
        EQUAL_PRINCIPAL
    }

    public Product get(String code) {
        Product product = products.get(code);
        if (product == null) {
            throw new IllegalArgumentException("Unknown product " + code);
        }
        return product;
    }

    public boolean exists(String code) {
        return code != null && products.containsKey(code);
    }
}
