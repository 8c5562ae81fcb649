package io.originate.decision;

import io.originate.shared.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The decision tables of {@code rules/}, compiled at start. Tables are read from the {@code rules}
 * folder of the working directory when there is one (an analyst's checkout), else from the
 * classpath (the packaged app). Every table is checked against the reason catalogue; a table that
 * fails to compile or names an unknown reason stops the start with a message naming the table.
 */
@Component
public class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
    private static final Pattern REASON =
            Pattern.compile("result\\.(?:decline|refer|characteristic)\\(\"([^\"]*)\"\\)");
    public static final String TABLE_SUFFIX = ".drl.xlsx";

    /**
     * A compiled table: its name (file name without suffix), content hash, knowledge base, and for
     * each rule the spreadsheet row it came from and the text of its actions.
     */
    public record Table(String name, String hash, KieBase base, Map<String, Rule> rules) {}

    /** One rule of a table: its name, the spreadsheet row it was read from, and its actions. */
    public record Rule(String name, int row, String actions) {}

    /** What a table evaluation gave, with the version of the table that gave it. */
    public record Evaluated<R>(R result, String tableHash, List<String> fired) {}

    /** The tables in force and their catalogue, replaced together. */
    private record Edition(ReasonCatalogue catalogue, Map<String, Table> tables) {}

    private final String location;
    private volatile Edition edition;

    @Autowired
    public RuleBook(@Value("${originate.rules.location:rules}") String location) {
        this.location = location;
        this.edition = load(location);
        if (Files.isDirectory(Path.of(location))) {
            List<String> failures = scenarioFailures(this, Path.of(location));
            if (!failures.isEmpty()) {
                throw new IllegalStateException(
                        "The scenarios of " + location + " fail:\n  " + String.join("\n  ", failures));
            }
        }
    }

    /**
     * Compiles the folder again and runs its scenarios; only if everything passes does the new
     * edition replace the one in force, in one step. Returns the problems, empty when replaced.
     */
    public synchronized List<String> reload() {
        Edition candidate;
        try {
            candidate = load(location);
        } catch (RuntimeException e) {
            return List.of(e.getMessage());
        }
        RuleBook trial = new RuleBook(location, candidate);
        List<String> failures =
                Files.isDirectory(Path.of(location)) ? scenarioFailures(trial, Path.of(location)) : List.of();
        if (failures.isEmpty()) {
            this.edition = candidate;
            log.info("Decision tables replaced: {}", versions());
        }
        return failures;
    }

    /** Compiles a folder without running its scenarios, for a check that reports them itself. */
    public static RuleBook compileOnly(String location) {
        return new RuleBook(location, load(location));
    }

    private RuleBook(String location, Edition edition) {
        this.location = location;
        this.edition = edition;
    }

    private static List<String> scenarioFailures(RuleBook rules, Path folder) {
        List<String> failures = new ArrayList<>();
        for (Path file : Scenarios.files(folder)) {
            try {
                Scenarios.run(rules, file).forEach(f -> failures.add(f.toString()));
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    private static Edition load(String location) {
        Map<String, byte[]> files = read(location);
        byte[] catalogueFile = files.remove("reason-codes.csv");
        if (catalogueFile == null) {
            throw new IllegalStateException("rules/reason-codes.csv is missing");
        }
        ReasonCatalogue catalogue =
                ReasonCatalogue.read(new ByteArrayInputStream(catalogueFile), "rules/reason-codes.csv");
        Map<String, Table> compiled = new LinkedHashMap<>();
        files.forEach((file, bytes) -> {
            Table table = compile(file, bytes, catalogue);
            compiled.put(table.name(), table);
        });
        return new Edition(catalogue, Map.copyOf(compiled));
    }

    /** Each table with the first 12 characters of its content hash, e.g. {@code eligibility@a39e785d01e4}. */
    public List<String> versions() {
        return edition.tables().values().stream()
                .map(t -> t.name() + "@" + t.hash().substring(0, 12))
                .sorted()
                .toList();
    }

    public ReasonCatalogue catalogue() {
        return edition.catalogue();
    }

    public Table table(String name) {
        Table table = edition.tables().get(name);
        if (table == null) {
            throw new IllegalStateException("No decision table rules/" + name + TABLE_SUFFIX);
        }
        return table;
    }

    /** Runs a table over one fact with the given collector bound to the global {@code result}. */
    public <R> R evaluate(String tableName, Object fact, R result) {
        return evaluate(tableName, fact, result, new ArrayList<>());
    }

    /** The same, also listing the names of the rules that fired, in firing order. */
    public <R> R evaluate(String tableName, Object fact, R result, List<String> fired) {
        return run(tableName, fact, result, fired).result();
    }

    /** Runs one table of the edition in force, and says which version of the table it was. */
    public <R> Evaluated<R> run(String tableName, Object fact, R result) {
        return run(tableName, fact, result, new ArrayList<>());
    }

    private <R> Evaluated<R> run(String tableName, Object fact, R result, List<String> fired) {
        Table table = table(tableName);
        StatelessKieSession session = table.base().newStatelessKieSession();
        session.setGlobal("result", result);
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        try {
            session.execute(fact);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new IllegalStateException(
                    "rules/" + tableName + TABLE_SUFFIX
                            + (fired.isEmpty() ? "" : " rule \"" + fired.get(fired.size() - 1) + "\"") + ": "
                            + cause.getMessage(),
                    e);
        }
        return new Evaluated<>(result, table.hash(), fired);
    }

    /** Compiles one spreadsheet, or fails with a message that names the table and what is wrong. */
    public static Table compile(String file, byte[] bytes, ReasonCatalogue catalogue) {
        String name = file.substring(0, file.length() - TABLE_SUFFIX.length());
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.XLS);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "rules/" + file + " cannot be read as a decision table: " + e.getMessage(), e);
        }
        Matcher m = REASON.matcher(drl);
        while (m.find()) {
            if (!catalogue.contains(m.group(1).strip())) {
                throw new IllegalStateException("rules/" + file + " names reason code '" + m.group(1)
                        + "', which is not in rules/reason-codes.csv");
            }
        }
        String hash = Hashing.sha256Hex(bytes);
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("io.originate.rules", name, "1.0.0-" + hash.substring(0, 16));
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(drl);
        String folder = pkg.find() ? pkg.group(1).replace('.', '/') : "rules";
        kfs.write("src/main/resources/" + folder + "/" + name + ".drl", drl);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        Map<String, Rule> rules = rules(drl);
        if (!errors.isEmpty()) {
            StringBuilder text = new StringBuilder("rules/" + file + " does not compile:");
            errors.stream()
                    .filter(e -> !e.getText().contains("Parser returned a null Package"))
                    .forEach(e -> text.append("\n  ").append(explain(e, drl)));
            throw new IllegalStateException(text.toString());
        }
        KieBase base = ks.newKieContainer(id).getKieBase();
        log.info("Decision table {} loaded, version {}", name, hash.substring(0, 12));
        return new Table(name, hash, base, rules);
    }

    private static final Pattern ROW_COMMENT = Pattern.compile("// rule values at [A-Z]+(\\d+),");
    private static final Pattern RULE = Pattern.compile(
            "// rule values at [A-Z]+(\\d+),[^\\n]*\\nrule \"([^\"]*)\"(.*?)\\bthen\\b(.*?)\\nend", Pattern.DOTALL);

    /** The rules of the generated DRL with the spreadsheet row each was read from. */
    private static Map<String, Rule> rules(String drl) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            rules.put(
                    m.group(2),
                    new Rule(
                            m.group(2), Integer.parseInt(m.group(1)), m.group(4).strip()));
        }
        return rules;
    }

    private static final Pattern UNKNOWN_FIELD =
            Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");

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
        try {
            Class<?> type = Class.forName(className);
            if (type.isRecord()) {
                return " (its fields: "
                        + java.util.Arrays.stream(type.getRecordComponents())
                                .map(java.lang.reflect.RecordComponent::getName)
                                .collect(java.util.stream.Collectors.joining(", "))
                        + ")";
            }
        } catch (ClassNotFoundException e) {
            // not one of ours
        }
        return "";
    }

    private static Map<String, byte[]> read(String location) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path folder = Path.of(location);
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    for (Path p : list.sorted().toList()) {
                        String n = p.getFileName().toString();
                        if (isTable(n) || n.equals("reason-codes.csv")) {
                            files.put(n, Files.readAllBytes(p));
                        }
                    }
                }
            } else {
                var resolver = new PathMatchingResourcePatternResolver();
                List<Resource> resources = new ArrayList<>(List.of(resolver.getResources("classpath*:rules/*")));
                for (Resource r : resources) {
                    String n = r.getFilename();
                    if (n != null && (isTable(n) || n.equals("reason-codes.csv"))) {
                        try (InputStream in = r.getInputStream()) {
                            files.put(n, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the decision tables in " + location, e);
        }
        return files;
    }

    /** Real tables only: Excel's lock files (~$name.xlsx) are skipped. */
    static boolean isTable(String fileName) {
        return fileName.endsWith(TABLE_SUFFIX) && !fileName.startsWith("~$") && !fileName.startsWith(".");
    }
}
