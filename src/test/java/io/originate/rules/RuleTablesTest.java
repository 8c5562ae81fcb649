package io.originate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originate.decision.EligibilityResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped tables against their scenario files, and what an analyst is told when something is off. */
class RuleTablesTest {

    static final RuleBook RULES = new RuleBook("rules");

    static List<Path> scenarioFiles() {
        return RuleFolder.scenarioFiles(Path.of("rules"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    void everyScenarioOfTheShippedTablesPasses(Path file) {
        assertThat(Scenarios.run(RULES, file).failures()).isEmpty();
    }

    @Test
    void everyRowOfEveryTableIsMadeToFireByAScenario() {
        assertThat(RULES.tables())
                .extracting(DecisionTable::name)
                .containsExactlyInAnyOrder("approval", "eligibility", "pricing", "scorecard");
        assertThat(Scenarios.rowsNeverFired(RULES, Path.of("rules"))).isEmpty();
    }

    @Test
    void aRowThatNoScenarioReachesIsNamed(@TempDir Path dir) throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path scenarios = dir.resolve("approval.authority.scenarios.csv");
        Files.writeString(
                scenarios,
                Files.readAllLines(scenarios).stream()
                        .filter(line -> !line.startsWith("The credit committee"))
                        .collect(java.util.stream.Collectors.joining("\n")));
        assertThat(Scenarios.rowsNeverFired(RuleBook.compileOnly(dir.toString()), dir))
                .containsOnlyKeys("approval")
                .extractingByKey("approval")
                .asList()
                .singleElement()
                .asString()
                .startsWith("row ");
    }

    @Test
    void aChangedExpectationNamesTheRowsToLookAt(@TempDir Path dir) throws IOException {
        Path scenarios = dir.resolve("eligibility.scenarios.csv");
        Files.writeString(
                scenarios,
                Files.readString(Path.of("rules/eligibility.scenarios.csv"))
                        .replace(
                                "Income exactly 3000,CONSUMER_INSTALLMENT,3000.00,12,38,39,EMPLOYED,36,3000.00,0.2000,true,720,false,0,0,0,B,APPROVE,",
                                "Income exactly 3000,CONSUMER_INSTALLMENT,3000.00,12,38,39,EMPLOYED,36,3000.00,0.2000,true,720,false,0,0,0,B,DECLINE,INCOME_INSUFFICIENT"));
        assertThat(Scenarios.run(RULES, scenarios).failures())
                .singleElement()
                .hasToString("eligibility.scenarios.csv line 19 (Income exactly 3000): expected outcome DECLINE but the"
                        + " table gave APPROVE; expected reasons INCOME_INSUFFICIENT but the table gave (nothing)"
                        + " [look at rules/eligibility.drl.xlsx row 20 (Income too low)]; rows that fired: none");
    }

    @Test
    void aWrongApprovalLevelNamesTheRowThatFired(@TempDir Path dir) throws IOException {
        Path scenarios = dir.resolve("approval.scenarios.csv");
        Files.writeString(
                scenarios,
                "scenario,outcome,amount,riskGrade,fraudSignals,expectedLevel\n"
                        + "Misread policy,APPROVE,30000.00,A,0,underwriters\n");
        assertThat(Scenarios.run(RULES, scenarios).failures().get(0).message())
                .isEqualTo("expected level underwriters but the table gave AUTOMATIC [look at rules/approval.drl.xlsx"
                        + " row 13 (Small loan, grade C), row 14 (Medium loan), row 17 (Referral)]; rows that fired:"
                        + " row 12 (Small loan, good grade)");
    }

    @Test
    void aScenarioFileWithUnknownColumnsSaysWhichFieldsItNeeds(@TempDir Path dir) throws IOException {
        Path scenarios = dir.resolve("pricing.scenarios.csv");
        Files.writeString(scenarios, "scenario,product,grade,expectedAnnualRate\nx,A,B,0.1\n");
        assertThatThrownBy(() -> Scenarios.run(RULES, scenarios))
                .hasMessageContaining("pricing.scenarios.csv: the input columns [product, grade]")
                .hasMessageContaining("[productCode, riskGrade, termMonths]");
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
        assertThat(RuleFolder.isTable("~$eligibility.drl.xlsx")).isFalse();
        assertThat(RuleFolder.isTable("eligibility.drl.xlsx")).isTrue();
    }

    @Test
    void aDeclinesReasonsAreTheRowsThatDeclinedInCatalogueOrder() {
        EligibilityResult r = new EligibilityResult();
        r.refer("NUMBER_OF_INQUIRIES");
        r.decline("CREDIT_SCORE");
        r.decline("BANKRUPTCY");
        r.refer("CREDIT_SCORE");
        assertThat(r.outcome()).hasToString("DECLINE");
        assertThat(r.reasons(RULES.catalogue())).containsExactly("BANKRUPTCY", "CREDIT_SCORE");
        EligibilityResult referral = new EligibilityResult();
        referral.refer("NUMBER_OF_INQUIRIES");
        referral.refer("CREDIT_SCORE");
        assertThat(referral.reasons(RULES.catalogue())).containsExactly("CREDIT_SCORE", "NUMBER_OF_INQUIRIES");
    }
}
