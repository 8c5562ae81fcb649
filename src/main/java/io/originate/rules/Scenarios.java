package io.originate.rules;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a scenario file against its table. A scenario file is named after its table
 * ({@code approval.scenarios.csv}, or {@code approval.authority.scenarios.csv} for a second fact
 * of the same table). Its first column names the scenario; the next ones are the fields of one of
 * the facts the table imports; the columns named {@code expectedX} say what the table's result's
 * {@code X} must be ({@code |} separates list items; an empty cell means nothing). A failure names
 * the scenario line, what was expected and what the table gave, the rows that fired, and the rows
 * that would give the expected value. Which facts and result a table has is read from the table
 * itself, so a new table needs no code here.
 */
final class Scenarios {

    record Failure(String file, int line, String scenario, String message) {
        @Override
        public String toString() {
            return file + " line " + line + " (" + scenario + "): " + message;
        }
    }

    /** The outcome of one scenario file: its table, how many scenarios ran, what failed, which rules fired. */
    record Run(String table, int scenarios, List<Failure> failures, Set<String> fired) {}

    private Scenarios() {}

    static String tableOf(Path csv) {
        String name = csv.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    static Run run(RuleBook rules, Path csv) {
        String file = csv.getFileName().toString();
        String tableName = tableOf(csv);
        DecisionTable table;
        try {
            table = rules.table(tableName);
        } catch (RuleTableException e) {
            throw new RuleTableException(file + ": there is no decision table called '" + tableName + "'");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            throw new RuleTableException(file + " is empty");
        }
        List<String> header = Arrays.stream(strip(lines.get(0)).split(",", -1))
                .map(String::strip)
                .toList();
        List<String> inputs =
                header.stream().skip(1).filter(h -> !h.startsWith("expected")).toList();
        Class<? extends Record> fact = table.facts().stream()
                .filter(f -> fields(f).equals(inputs))
                .findFirst()
                .orElseThrow(() -> new RuleTableException(file + ": the input columns " + inputs
                        + " are not the fields of any fact of table " + tableName + "; expected one of "
                        + table.facts().stream().map(f -> fields(f).toString()).collect(Collectors.joining(" or "))));
        List<Failure> failures = new ArrayList<>();
        Set<String> firedInFile = new LinkedHashSet<>();
        int scenarios = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            scenarios++;
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) {
                throw new RuleTableException(
                        file + " line " + (i + 1) + ": " + cells.length + " cells, but the header has " + header.size()
                                + " (a comma inside a cell? use | between list items)");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                row.put(header.get(c), cells[c].strip());
            }
            Object input = build(fact, row, file, i + 1);
            RuleBook.Evaluated<Object> evaluated = rules.run(tableName, input, table.newResult());
            firedInFile.addAll(evaluated.fired());
            List<String> wrong = new ArrayList<>();
            for (String column : header) {
                if (!column.startsWith("expected")) {
                    continue;
                }
                String property = Character.toLowerCase(column.charAt(8)) + column.substring(9);
                String expected = row.get(column);
                String actual = render(read(evaluated.result(), property, rules.catalogue(), file));
                if (!same(expected, actual)) {
                    wrong.add(property + " " + show(expected) + " but the table gave " + show(actual)
                            + rowsGiving(table, expected));
                }
            }
            if (!wrong.isEmpty()) {
                failures.add(new Failure(
                        file,
                        i + 1,
                        row.get(header.get(0)),
                        "expected " + String.join("; expected ", wrong) + "; rows that fired: "
                                + describe(table, evaluated.fired())));
            }
        }
        return new Run(tableName, scenarios, List.copyOf(failures), Set.copyOf(firedInFile));
    }

    /** The rows of each table that no scenario of the folder makes fire, by table name. */
    static Map<String, List<String>> rowsNeverFired(RuleBook rules, Path folder) {
        Map<String, Set<String>> fired = new LinkedHashMap<>();
        rules.tables().forEach(t -> fired.put(t.name(), new LinkedHashSet<>()));
        for (Path file : RuleFolder.scenarioFiles(folder)) {
            Run run = run(rules, file);
            fired.get(run.table()).addAll(run.fired());
        }
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (DecisionTable table : rules.tables()) {
            List<String> rows = table.rules().values().stream()
                    .filter(r -> !fired.get(table.name()).contains(r.name()))
                    .map(DecisionTable.Rule::describe)
                    .toList();
            if (!rows.isEmpty()) {
                missing.put(table.name(), rows);
            }
        }
        return missing;
    }

    private static List<String> fields(Class<? extends Record> fact) {
        return Arrays.stream(fact.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
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
                throw new RuleTableException(file + " line " + line + ": column " + components[c].getName() + " holds '"
                        + cell + "', which is not a " + types[c].getSimpleName());
            }
        }
        try {
            Constructor<? extends Record> constructor = fact.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new RuleTableException(file + " line " + line + ": cannot make a " + fact.getSimpleName(), e);
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
        throw new RuleTableException("Scenario files cannot fill a " + type.getSimpleName());
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
            throw new RuleTableException(file + ": cannot read '" + property + "' of the result", e);
        }
        throw new RuleTableException(file + ": the result of this table has no '" + property + "' to compare");
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

    private static String describe(DecisionTable table, List<String> fired) {
        if (fired.isEmpty()) {
            return "none";
        }
        return fired.stream()
                .map(name -> {
                    DecisionTable.Rule r = table.rules().get(name);
                    return r == null ? name : r.describe();
                })
                .collect(Collectors.joining(", "));
    }

    private static String rowsGiving(DecisionTable table, String expected) {
        List<String> rows = new ArrayList<>();
        for (String item : expected.split("\\|")) {
            if (item.isBlank()) {
                continue;
            }
            for (DecisionTable.Rule r : table.rules().values()) {
                if (r.actions().contains("\"" + item + "\"")) {
                    rows.add(r.describe());
                }
            }
        }
        return rows.isEmpty() ? "" : " [look at " + table.file() + " " + String.join(", ", rows) + "]";
    }
}
