package io.originate.decision;

import io.originate.rules.RuleBook;
import io.originate.rules.RuleTableException;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Reads the pricing table: the rate and fee for a product, grade and term, and the product's APR cap. */
@Component
public class PricingPolicy {

    public static final String TABLE = "pricing";

    public record Price(
            BigDecimal annualRate,
            BigDecimal feeRate,
            BigDecimal aprCap,
            PricingResult.OnCap onCap,
            String tableHash) {}

    private final RuleBook rules;

    public PricingPolicy(RuleBook rules) {
        this.rules = rules;
    }

    public Price price(String productCode, String riskGrade, int termMonths) {
        PricingInput input = new PricingInput(productCode, riskGrade, termMonths);
        RuleBook.Evaluated<PricingResult> e = rules.run(TABLE, input, new PricingResult());
        PricingResult r = e.result();
        if (!r.complete()) {
            throw new RuleTableException(
                    "rules/pricing.drl.xlsx gives no complete price (rate, fee, cap and action) for " + input);
        }
        return new Price(r.annualRate(), r.feeRate(), r.aprCap(), r.onCap(), e.tableHash());
    }
}
