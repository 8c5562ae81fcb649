package io.originate.decision;

import java.math.BigDecimal;

/** Collects the price: nominal annual rate, origination fee rate, the APR cap and what to do above it. */
public class PricingResult {

    public enum OnCap {
        CUT_FEE,
        DECLINE
    }

    private BigDecimal annualRate;
    private BigDecimal feeRate;
    private BigDecimal aprCap;
    private OnCap onCap;

    public void rate(String annualRate) {
        this.annualRate = RuleValues.decimal(annualRate, "nominal annual rate");
    }

    public void fee(String feeRate) {
        this.feeRate = RuleValues.decimal(feeRate, "origination fee");
    }

    public void cap(String aprCap) {
        this.aprCap = RuleValues.decimal(aprCap, "maximum APR");
    }

    public void onCap(String action) {
        try {
            this.onCap = OnCap.valueOf(action.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + action + "' is not an action above the cap: use CUT_FEE or DECLINE");
        }
    }

    public BigDecimal annualRate() {
        return annualRate;
    }

    public BigDecimal feeRate() {
        return feeRate;
    }

    public BigDecimal aprCap() {
        return aprCap;
    }

    public OnCap onCap() {
        return onCap;
    }

    public boolean complete() {
        return annualRate != null && feeRate != null && aprCap != null && onCap != null;
    }
}
