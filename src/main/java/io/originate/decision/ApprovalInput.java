package io.originate.decision;

import java.math.BigDecimal;

/** The facts the approval authority table sees. */
public record ApprovalInput(String outcome, BigDecimal amount, String riskGrade, int fraudSignals) {}
