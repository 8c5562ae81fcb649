package io.originate.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a scenario file against its table. A scenario file is named after its table
 * ({@code approval.scenarios.csv}, or {@code approval.authority.scenarios.csv} for a second fact
 * of the same table). Its first column names the scenario; the next ones are the fields of the
 * fact the table reads; the columns named {@code expectedX} say what the result's {@code X} must
 * be ({@code |} separates list items; an empty cell means nothing). A failure names the scenario
 * line, what was expected and what the table gave, the rows that fired, and the rows that would
 * give the expected value.
 */
public final class Scenarios {

    public record Failure(String file, int line, String scenario, String message) {
        @Override
        public String toString() {
            return file + " line " + line + " (" + scenario + "): " + message;
        }
    }

    private record Spec(List<Class<? extends Record>> facts, Supplier<Object> result) {}

    static final Map<String, Spec> TABLES = Map.of(
            EligibilityDecision.TABLE, new Spec(List.of(EligibilityInput.class), EligibilityResult::new),
            ApprovalRouting.TABLE, new Spec(List.of(ApprovalInput.class, AuthorityQuery.class), ApprovalResult::new),
            PricingPolicy.TABLE, new Spec(List.of(PricingInput.class), PricingResult::new),
            Scoring.TABLE, new Spec(List.of(ScorecardInput.class, GradeQuery.class), ScorecardResult::new));

    public static final String SUFFIX = ".scenarios.csv";

    private Scenarios() {}

    /** Every scenario file of a rules folder, in name order. */
    public static List<Path> files(Path folder) {
        try (var list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String tableOf(Path csv) {
        String name = csv.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    public static List<Failure> run(RuleBook rules, Path csv) {
        String file = csv.getFileName().toString();
        String table = tableOf(csv);
        Spec spec = TABLES.get(table);
        if (spec == null) {
            throw new IllegalStateException(file + ": there is no decision table called '" + table + "'");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException(file + " is empty");
        }
        List<String> header = Arrays.stream(strip(lines.get(0)).split(",", -1))
                .map(String::strip)
                .toList();
        List<String> inputs =
                header.stream().skip(1).filter(h -> !h.startsWith("expected")).toList();
        Class<? extends Record> fact = spec.facts().stream()
                .filter(f -> Arrays.stream(f.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList()
                        .equals(inputs))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + ": the input columns " + inputs
                        + " are not the fields of any fact of table " + table + "; expected one of "
                        + spec.facts().stream()
                                .map(f -> Arrays.stream(f.getRecordComponents())
                                        .map(RecordComponent::getName)
                                        .toList()
                                        .toString())
                                .collect(Collectors.joining(" or "))));
        List<Failure> failures = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalStateException(
                        file + " line " + (i + 1) + ": " + cells.length + " cells, but the header has " + header.size()
                                + " (a comma inside a cell? use | between list items)");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                row.put(header.get(c), cells[c].strip());
            }
            Object input = build(fact, row, file, i + 1);
            List<String> fired = new ArrayList<>();
            Object result = rules.evaluate(table, input, spec.result().get(), fired);
            List<String> wrong = new ArrayList<>();
            for (String column : header) {
                if (!column.startsWith("expected")) {
                    continue;
                }
                String property = Character.toLowerCase(column.charAt(8)) + column.substring(9);
                String expected = row.get(column);
                String actual = render(read(result, property, rules.catalogue(), file));
                if (!same(expected, actual)) {
                    wrong.add(property + " " + show(expected) + " but the table gave " + show(actual)
                            + rowsGiving(rules.table(table), expected));
                }
            }
            if (!wrong.isEmpty()) {
                failures.add(new Failure(
                        file,
                        i + 1,
                        row.get(header.get(0)),
                        "expected " + String.join("; expected ", wrong) + "; rows that fired: "
                                + describe(rules.table(table), fired)));
            }
        }
        return failures;
    }

    private static String strip(String headerLine) {
        return headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
    }

    private static Object build(Class<? extends Record> fact, Map<String, String> row, String file, int line) {
        RecordComponent[] components = fact.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            types[c] = components[c].getType();
            String cell = row.get(components[c].getName());
            try {
                args[c] = parse(types[c], cell);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " line " + line + ": column " + components[c].getName()
                        + " holds '" + cell + "', which is not a " + types[c].getSimpleName());
            }
        }
        try {
            Constructor<? extends Record> constructor = fact.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(Class<?> type, String cell) {
        if (type == String.class) {
            return cell;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(cell);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(cell);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!cell.equals("true") && !cell.equals("false")) {
                throw new NumberFormatException(cell);
            }
            return Boolean.parseBoolean(cell);
        }
        throw new IllegalStateException("Scenario files cannot fill a " + type.getSimpleName());
    }

    private static Object read(Object result, String property, ReasonCatalogue catalogue, String file) {
        try {
            for (Method m : result.getClass().getMethods()) {
                if (m.getName().equals(property) && m.getParameterCount() == 0) {
                    return m.invoke(result);
                }
                if (m.getName().equals(property)
                        && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == ReasonCatalogue.class) {
                    return m.invoke(result, catalogue);
                }
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(file + ": the result of this table has no '" + property + "' to compare");
    }

    private static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Scenarios::render).collect(Collectors.joining("|"));
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static boolean same(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }

    private static String show(String value) {
        return value.isEmpty() ? "(nothing)" : value;
    }

    private static String describe(RuleBook.Table table, List<String> fired) {
        if (fired.isEmpty()) {
            return "none";
        }
        return fired.stream()
                .map(name -> {
                    RuleBook.Rule r = table.rules().get(name);
                    return r == null ? name : "row " + r.row() + " (" + name + ")";
                })
                .collect(Collectors.joining(", "));
    }

    private static String rowsGiving(RuleBook.Table table, String expected) {
        List<String> rows = new ArrayList<>();
        for (String item : expected.split("\\|")) {
            if (item.isBlank()) {
                continue;
            }
            for (RuleBook.Rule r : table.rules().values()) {
                if (r.actions().contains("\"" + item + "\"")) {
                    rows.add("row " + r.row() + " (" + r.name() + ")");
                }
            }
        }
        return rows.isEmpty()
                ? ""
                : " [look at rules/" + table.name() + RuleBook.TABLE_SUFFIX + " " + String.join(", ", rows) + "]";
    }
}
