package io.originate.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.rules.RuleBook;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Who must approve, by the shipped approval table: the amount decides the level, and each level's limit covers it. */
class ApprovalRoutingTest {

    static final ApprovalRouting ROUTING = new ApprovalRouting(RuleBook.compileOnly("rules"));

    private static String level(String amount, String grade) {
        return ROUTING.level(new ApprovalInput("APPROVE", new BigDecimal(amount), grade, 0))
                .level();
    }

    @Test
    void largeApprovalGoesToSeniorUnderwriters() {
        assertThat(level("150000.00", "A")).isEqualTo("senior-underwriters");
        assertThat(ROUTING.authority("underwriters").limit()).isLessThan(new BigDecimal("150000.00"));
        assertThat(ROUTING.authority("senior-underwriters").limit())
                .isGreaterThanOrEqualTo(new BigDecimal("150000.00"));
    }

    @Test
    void smallApprovalWithAGoodGradeNeedsNobody() {
        assertThat(level("30000.00", "A")).isEqualTo(ApprovalAuthority.AUTOMATIC);
    }

    @Test
    void theLevelsTheTableNamesAreTheOnesWithAuthority() {
        assertThat(ROUTING.isLevel("senior-underwriters")).isTrue();
        assertThat(ROUTING.isLevel("operations")).isFalse();
    }
}
