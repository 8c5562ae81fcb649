package io.originate.decision;

/** The facts the pricing table sees. */
public record PricingInput(String productCode, String riskGrade, int termMonths) {}
