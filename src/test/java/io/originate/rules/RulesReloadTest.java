package io.originate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.decision.EligibilityInput;
import io.originate.decision.EligibilityResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' loop: change a table, see the scenarios that now fail, fix them, and the new table takes over. */
class RulesReloadTest {

    static final EligibilityInput INCOME_3500 = new EligibilityInput(
            "CONSUMER_INSTALLMENT",
            new BigDecimal("30000.00"),
            12,
            38,
            39,
            "EMPLOYED",
            36,
            new BigDecimal("3500.00"),
            new BigDecimal("0.2000"),
            true,
            720,
            false,
            0,
            0,
            0,
            "B");

    @TempDir
    Path rules;

    private void copyRules() throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
    }

    /** Sets the "Monthly income below" cell of the "Income too low" row (sheet row 20, column L). */
    private void setIncomeThreshold(int threshold) throws IOException {
        Path table = rules.resolve("eligibility.drl.xlsx");
        Workbook wb;
        try (InputStream in = Files.newInputStream(table)) {
            wb = new XSSFWorkbook(in);
        }
        wb.getSheetAt(0)
                .getRow(19)
                .getCell(11, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                .setCellValue(threshold);
        try (OutputStream out = Files.newOutputStream(table)) {
            wb.write(out);
        }
        touch(table);
    }

    private static void touch(Path file) throws IOException {
        Files.setLastModifiedTime(
                file, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(5)));
    }

    private static String outcome(RuleBook book) {
        return book.evaluate("eligibility", INCOME_3500, new EligibilityResult())
                .outcome()
                .name();
    }

    @Test
    void aChangedTableTakesOverOnlyWhenItsScenariosPass() throws IOException {
        copyRules();
        RuleBook book = new RuleBook(rules.toString());
        RulesWatcher watcher = new RulesWatcher(
                book, new RulesSettings(rules.toString(), true, Duration.ofSeconds(2)), Clock.systemUTC());
        String before = book.table("eligibility").hash();
        assertThat(outcome(book)).isEqualTo("APPROVE");

        setIncomeThreshold(4000);
        watcher.poll();
        assertThat(watcher.status().problems())
                .anySatisfy(p ->
                        assertThat(p).contains("line 19 (Income exactly 3000)").contains("INCOME_INSUFFICIENT"));
        assertThat(book.table("eligibility").hash())
                .as("the old table stays in force")
                .isEqualTo(before);
        assertThat(outcome(book)).isEqualTo("APPROVE");

        Path scenarios = rules.resolve("eligibility.scenarios.csv");
        Files.writeString(
                scenarios,
                Files.readString(scenarios)
                        .replace("Income just below 3000", "Income just below 4000")
                        .replace(",3000.00,12,38,39,EMPLOYED,36,2999.99,", ",3000.00,12,38,39,EMPLOYED,36,3999.99,")
                        .replace(
                                "Income exactly 3000,CONSUMER_INSTALLMENT,3000.00,12,38,39,EMPLOYED,36,3000.00,",
                                "Income exactly 4000,CONSUMER_INSTALLMENT,3000.00,12,38,39,EMPLOYED,36,4000.00,"));
        touch(scenarios);
        watcher.poll();
        assertThat(watcher.status().problems()).isEmpty();
        assertThat(book.table("eligibility").hash()).isNotEqualTo(before);
        assertThat(watcher.status().versions())
                .contains("eligibility@" + book.table("eligibility").hash().substring(0, 12));
        assertThat(outcome(book)).isEqualTo("DECLINE");
        assertThat(book.run("eligibility", INCOME_3500, new EligibilityResult()).tableHash())
                .isEqualTo(book.table("eligibility").hash());
    }

    @Test
    void aBrokenTableIsRefusedAndTheOldOneStays() throws IOException {
        copyRules();
        RuleBook book = new RuleBook(rules.toString());
        RulesWatcher watcher = new RulesWatcher(
                book, new RulesSettings(rules.toString(), true, Duration.ofSeconds(2)), Clock.systemUTC());
        Files.writeString(rules.resolve("reason-codes.csv"), "code,category,en,zh\nAGE,Age,Age,年龄\n");
        touch(rules.resolve("reason-codes.csv"));
        watcher.poll();
        assertThat(watcher.status().problems()).singleElement().asString().contains("names reason code");
        assertThat(outcome(book)).isEqualTo("APPROVE");
        assertThat(watcher.status().lastChangeSeen()).isBefore(Instant.now().plusSeconds(1));
    }
}
