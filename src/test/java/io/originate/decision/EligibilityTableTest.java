package io.originate.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped eligibility table against its scenario file, and what a broken table says. */
class EligibilityTableTest {

    static final RuleBook RULES = new RuleBook("rules");

    @Test
    void everyScenarioOfTheShippedTablePasses() {
        assertThat(Scenarios.runEligibility(RULES, Path.of("rules/eligibility.scenarios.csv")))
                .isEmpty();
    }

    @Test
    void aChangedThresholdShowsAsFailingScenarios(@TempDir Path dir) throws IOException {
        Path scenarios = dir.resolve("eligibility.scenarios.csv");
        Files.writeString(
                scenarios,
                Files.readString(Path.of("rules/eligibility.scenarios.csv"))
                        .replace(
                                "Income exactly 3000,CONSUMER_INSTALLMENT,3000.00,12,38,39,EMPLOYED,36,3000.00,0.2000,true,720,false,0,0,0,APPROVE,",
                                "Income exactly 3000,CONSUMER_INSTALLMENT,3000.00,12,38,39,EMPLOYED,36,3000.00,0.2000,true,720,false,0,0,0,DECLINE,INCOME_INSUFFICIENT"));
        assertThat(Scenarios.runEligibility(RULES, scenarios))
                .singleElement()
                .hasToString(
                        "eligibility.scenarios.csv line 19 (Income exactly 3000): expected DECLINE [INCOME_INSUFFICIENT]"
                                + " but the table gave APPROVE []");
    }

    @Test
    void anUnknownReasonCodeIsRefusedNamingTheTable(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("rules/eligibility.drl.xlsx"), dir.resolve("eligibility.drl.xlsx"));
        Files.writeString(dir.resolve("reason-codes.csv"), "code,category,en,zh\nAGE,Age,Age,年龄\n");
        assertThatThrownBy(() -> new RuleBook(dir.toString()))
                .hasMessageContaining("rules/eligibility.drl.xlsx names reason code 'PRODUCT_LIMITS'");
    }

    @Test
    void excelLockFilesAreNotTables() {
        assertThat(RuleBook.isTable("~$eligibility.drl.xlsx")).isFalse();
        assertThat(RuleBook.isTable("eligibility.drl.xlsx")).isTrue();
    }

    @Test
    void declinesComeBeforeReferralsInCatalogueOrder() {
        EligibilityResult r = new EligibilityResult();
        r.refer("NUMBER_OF_INQUIRIES");
        r.decline("CREDIT_SCORE");
        r.decline("BANKRUPTCY");
        r.refer("CREDIT_SCORE");
        assertThat(r.outcome()).isEqualTo("DECLINE");
        assertThat(r.reasons(RULES.catalogue())).containsExactly("BANKRUPTCY", "CREDIT_SCORE", "NUMBER_OF_INQUIRIES");
    }
}
