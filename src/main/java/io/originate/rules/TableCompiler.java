package io.originate.rules;

import io.originate.shared.Hashing;
import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles one spreadsheet into a {@link DecisionTable}, or fails with a message in the analyst's
 * terms: the file, the spreadsheet row, and what usually causes the error.
 */
final class TableCompiler {

    private static final Logger log = LoggerFactory.getLogger(TableCompiler.class);
    private static final Pattern REASON =
            Pattern.compile("result\\.(?:decline|refer|characteristic)\\(\"([^\"]*)\"\\)");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.$]+);", Pattern.MULTILINE);
    private static final Pattern RESULT = Pattern.compile("^global ([\\w.$]+) result;", Pattern.MULTILINE);
    private static final Pattern ROW_COMMENT = Pattern.compile("// rule values at [A-Z]+(\\d+),");
    private static final Pattern RULE = Pattern.compile(
            "// rule values at [A-Z]+(\\d+),[^\\n]*\\nrule \"([^\"]*)\"(.*?)\\bthen\\b(.*?)\\nend", Pattern.DOTALL);
    private static final Pattern UNKNOWN_FIELD =
            Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");

    private TableCompiler() {}

    static DecisionTable compile(String file, byte[] bytes, ReasonCatalogue catalogue) {
        String name = file.substring(0, file.length() - DecisionTable.SUFFIX.length());
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.XLS);
        } catch (RuntimeException e) {
            throw new RuleTableException("rules/" + file + " cannot be read as a decision table: " + e.getMessage(), e);
        }
        Matcher reason = REASON.matcher(drl);
        while (reason.find()) {
            if (!catalogue.contains(reason.group(1).strip())) {
                throw new RuleTableException("rules/" + file + " names reason code '" + reason.group(1)
                        + "', which is not in rules/" + RuleFolder.CATALOGUE);
            }
        }
        String hash = Hashing.sha256Hex(bytes);
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("io.originate.rules", name, "1.0.0-" + hash.substring(0, 16));
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        Matcher pkg = PACKAGE.matcher(drl);
        String folder = pkg.find() ? pkg.group(1).replace('.', '/') : "rules";
        kfs.write("src/main/resources/" + folder + "/" + name + ".drl", drl);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            StringBuilder text = new StringBuilder("rules/" + file + " does not compile:");
            errors.stream()
                    .filter(e -> !e.getText().contains("Parser returned a null Package"))
                    .forEach(e -> text.append("\n  ").append(explain(e, drl)));
            throw new RuleTableException(text.toString());
        }
        DecisionTable table = new DecisionTable(
                name, hash, ks.newKieContainer(id).getKieBase(), facts(drl), result(drl, file), rules(drl));
        log.info("Decision table {} loaded, version {}", name, hash.substring(0, 12));
        return table;
    }

    /** The records the table imports: the facts it can be asked about. */
    private static List<Class<? extends Record>> facts(String drl) {
        List<Class<? extends Record>> facts = new ArrayList<>();
        Matcher m = IMPORT.matcher(drl);
        while (m.find()) {
            Class<?> type = load(m.group(1));
            if (type != null && type.isRecord()) {
                facts.add(type.asSubclass(Record.class));
            }
        }
        return List.copyOf(facts);
    }

    private static Class<?> result(String drl, String file) {
        Matcher m = RESULT.matcher(drl);
        Class<?> type = m.find() ? load(m.group(1)) : null;
        if (type == null) {
            throw new RuleTableException(
                    "rules/" + file + " declares no result: its Variables cell must name the result type and 'result'");
        }
        return type;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, TableCompiler.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The rules of the generated DRL with the spreadsheet row each was read from. */
    private static Map<String, DecisionTable.Rule> rules(String drl) {
        Map<String, DecisionTable.Rule> rules = new LinkedHashMap<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            rules.put(
                    m.group(2),
                    new DecisionTable.Rule(
                            m.group(2), Integer.parseInt(m.group(1)), m.group(4).strip()));
        }
        return rules;
    }

    /** A compiler message in the analyst's terms: the spreadsheet row, and what usually causes it. */
    static String explain(Message message, String drl) {
        String row = "";
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(message.getLine(), lines.length) - 1; i >= 0; i--) {
            Matcher m = ROW_COMMENT.matcher(lines[i]);
            if (m.find()) {
                row = "row " + m.group(1) + ": ";
                break;
            }
        }
        String text = message.getText()
                .replaceAll("\\[ERR \\d+] Line \\d+:\\d+ ", "")
                .replaceAll("\\[Line: \\d+, Column: \\d+]", "")
                .replaceAll("\\s+", " ")
                .strip();
        Matcher field = UNKNOWN_FIELD.matcher(text);
        if (field.find()) {
            return row + "a column header names '" + field.group(2) + "', which is not a field of "
                    + field.group(1).substring(field.group(1).lastIndexOf('.') + 1) + fields(field.group(1))
                    + ": check its spelling";
        }
        if (text.contains("mismatched input") || text.contains("no viable alternative")) {
            return row + text + " (a cell holds text where a number belongs, or a merged cell hides cells: unmerge it)";
        }
        if (text.contains("Syntax error")) {
            return row + text + " (a cell's value does not fit its column's snippet)";
        }
        return row + text;
    }

    private static String fields(String className) {
        Class<?> type = load(className);
        if (type == null || !type.isRecord()) {
            return "";
        }
        return " (its fields: "
                + Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
