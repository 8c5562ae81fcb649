package io.originate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes analysts make in spreadsheets, and the message each one gets. */
class BrokenTablesTest {

    @TempDir
    Path dir;

    /** A copy of the shipped rules with one change to the eligibility sheet (0-based row and column). */
    private Path broken(Consumer<Sheet> change) throws IOException {
        Files.copy(Path.of("rules/reason-codes.csv"), dir.resolve("reason-codes.csv"));
        try (InputStream in = Files.newInputStream(Path.of("rules/eligibility.drl.xlsx"));
                Workbook wb = new XSSFWorkbook(in);
                OutputStream out = Files.newOutputStream(dir.resolve("eligibility.drl.xlsx"))) {
            change.accept(wb.getSheetAt(0));
            wb.write(out);
        }
        return dir;
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        return sheet.getRow(row)
                .getCell(column, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }

    @Test
    void textInANumberColumnNamesTheRow() throws IOException {
        Path rules = broken(s -> cell(s, 19, 11).setCellValue("three thousand"));
        assertThatThrownBy(() -> new RuleBook(rules.toString()))
                .hasMessageStartingWith("rules/eligibility.drl.xlsx does not compile:")
                .hasMessageContaining("row 20: ")
                .hasMessageContaining("a cell holds text where a number belongs");
    }

    @Test
    void aMisspelledFieldInAColumnHeaderIsNamed() throws IOException {
        Path rules = broken(s -> cell(s, 9, 11).setCellValue("monthlyIncom < $paramB"));
        assertThatThrownBy(() -> new RuleBook(rules.toString()))
                .hasMessageContaining("rules/eligibility.drl.xlsx does not compile:")
                .hasMessageContaining("monthlyIncom")
                .hasMessageContaining("check its spelling");
    }

    @Test
    void thousandsSeparatorsInANumberFormatStillCompile() throws IOException {
        Path rules = broken(s -> {
            Workbook wb = s.getWorkbook();
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            cell(s, 12, 4).setCellStyle(style);
        });
        RuleBook book = new RuleBook(rules.toString());
        assertThat(Scenarios.run(book, Path.of("rules/eligibility.scenarios.csv"))
                        .failures())
                .isEmpty();
    }

    @Test
    void thousandsSeparatorsTypedAsTextAreExplained() throws IOException {
        Path rules = broken(s -> cell(s, 12, 4).setCellValue("200,000"));
        assertThatThrownBy(() -> new RuleBook(rules.toString())).hasMessageContaining("row 13: ");
    }

    @Test
    void aMergedFactTypeWithoutCoveredCellsIsExplained() throws IOException {
        // the fact type spans the condition columns as a merge whose covered cells do not exist
        Path rules = broken(s -> {
            for (int i = s.getNumMergedRegions() - 1; i >= 0; i--) {
                s.removeMergedRegion(i);
            }
            for (int column = 3; column <= 18; column++) {
                s.getRow(8).removeCell(cell(s, 8, column));
            }
            s.addMergedRegion(new CellRangeAddress(8, 8, 2, 18));
        });
        assertThatThrownBy(() -> new RuleBook(rules.toString()))
                .hasMessageContaining("rules/eligibility.drl.xlsx")
                .hasMessageContaining("merged cell");
    }

    @Test
    void anExcelLockFileBesideTheTableIsIgnored() throws IOException {
        Path rules = broken(s -> {});
        Files.copy(rules.resolve("eligibility.drl.xlsx"), rules.resolve("~$eligibility.drl.xlsx"));
        assertThat(new RuleBook(rules.toString()).versions())
                .singleElement()
                .asString()
                .startsWith("eligibility@");
    }
}
