package io.originate.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an eligibility scenario file (CSV: the facts, then expectedOutcome and expectedReasons
 * separated by |) against the compiled table, and says for each row that disagrees what was
 * expected and what the table gave.
 */
public final class Scenarios {

    public record Failure(String file, int line, String scenario, String expected, String actual) {
        @Override
        public String toString() {
            return file + " line " + line + " (" + scenario + "): expected " + expected + " but the table gave "
                    + actual;
        }
    }

    private static final List<String> COLUMNS = List.of(
            "scenario",
            "productCode",
            "amount",
            "termMonths",
            "age",
            "ageAtMaturity",
            "employmentStatus",
            "employmentMonths",
            "monthlyIncome",
            "debtToIncome",
            "creditFile",
            "bureauScore",
            "bankruptcy",
            "delinquencies12m",
            "inquiries6m",
            "fraudSignals",
            "expectedOutcome",
            "expectedReasons");

    private Scenarios() {}

    public static List<Failure> runEligibility(RuleBook rules, Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = csv.getFileName().toString();
        if (lines.isEmpty() || !Arrays.asList(lines.get(0).split(",", -1)).equals(COLUMNS)) {
            throw new IllegalStateException(file + ": the first line must be " + String.join(",", COLUMNS));
        }
        List<Failure> failures = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != COLUMNS.size()) {
                throw new IllegalStateException(
                        file + " line " + (i + 1) + ": expected " + COLUMNS.size() + " columns");
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < f.length; c++) {
                row.put(COLUMNS.get(c), f[c].strip());
            }
            EligibilityInput input;
            try {
                input = new EligibilityInput(
                        row.get("productCode"),
                        new BigDecimal(row.get("amount")),
                        Integer.parseInt(row.get("termMonths")),
                        Integer.parseInt(row.get("age")),
                        Integer.parseInt(row.get("ageAtMaturity")),
                        row.get("employmentStatus"),
                        Integer.parseInt(row.get("employmentMonths")),
                        new BigDecimal(row.get("monthlyIncome")),
                        new BigDecimal(row.get("debtToIncome")),
                        Boolean.parseBoolean(row.get("creditFile")),
                        Integer.parseInt(row.get("bureauScore")),
                        Boolean.parseBoolean(row.get("bankruptcy")),
                        Integer.parseInt(row.get("delinquencies12m")),
                        Integer.parseInt(row.get("inquiries6m")),
                        Integer.parseInt(row.get("fraudSignals")),
                        "B");
            } catch (NumberFormatException e) {
                throw new IllegalStateException(
                        file + " line " + (i + 1) + ": a number column holds text (" + e.getMessage() + ")");
            }
            EligibilityResult result = rules.evaluate(EligibilityDecision.TABLE, input, new EligibilityResult());
            String expected = row.get("expectedOutcome") + " " + reasons(row.get("expectedReasons"));
            String actual = result.outcome() + " " + result.reasons(rules.catalogue());
            if (!expected.equals(actual)) {
                failures.add(new Failure(file, i + 1, row.get("scenario"), expected, actual));
            }
        }
        return failures;
    }

    private static List<String> reasons(String cell) {
        return cell.isEmpty()
                ? List.of()
                : Arrays.stream(cell.split("\\|")).map(String::strip).toList();
    }
}
