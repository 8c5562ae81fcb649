package io.originate.decision;

import java.math.BigDecimal;

/**
 * Who must approve: nobody (automatic), or the staff group whose authority covers the case.
 * APPROVE up to 50,000 with grade A or B is automatic; up to 100,000 an underwriter; above that, or
 * grade D or E, a senior underwriter. A referral goes to an underwriter (senior above 100,000),
 * and one with fraud signals to the fraud analysts first.
 */
public final class ApprovalAuthority {

    public static final String AUTOMATIC = "AUTOMATIC";
    public static final String UNDERWRITERS = "underwriters";
    public static final String SENIOR_UNDERWRITERS = "senior-underwriters";
    public static final String FRAUD_ANALYSTS = "fraud-analysts";

    private static final BigDecimal AUTOMATIC_LIMIT = new BigDecimal("50000");
    private static final BigDecimal UNDERWRITER_LIMIT = new BigDecimal("100000");

    private ApprovalAuthority() {}

    public static String route(String outcome, BigDecimal amount, String grade, int fraudSignals) {
        boolean weakGrade = "D".equals(grade) || "E".equals(grade);
        return switch (outcome) {
            case "DECLINE" -> AUTOMATIC;
            case "REFER" ->
                fraudSignals > 0
                        ? FRAUD_ANALYSTS
                        : amount.compareTo(UNDERWRITER_LIMIT) > 0 ? SENIOR_UNDERWRITERS : UNDERWRITERS;
            case "APPROVE" -> {
                if (weakGrade || amount.compareTo(UNDERWRITER_LIMIT) > 0) {
                    yield SENIOR_UNDERWRITERS;
                }
                if (amount.compareTo(AUTOMATIC_LIMIT) > 0 || !("A".equals(grade) || "B".equals(grade))) {
                    yield UNDERWRITERS;
                }
                yield AUTOMATIC;
            }
            default -> throw new IllegalArgumentException("Unknown outcome " + outcome);
        };
    }
}
