package io.originate.rules;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The decision tables of {@code rules/} in force, with their reason catalogue. Every table is
 * checked against the catalogue, and when the rules come from a folder its scenarios must pass: a
 * table that fails stops the start with a message naming the table. {@link #reload()} replaces
 * the whole edition in one step, and only when everything passes.
 */
@Component
public class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    /** What a table evaluation gave, with the version of the table that gave it and the rules that fired. */
    public record Evaluated<R>(R result, String tableHash, List<String> fired) {}

    /** The tables in force and their catalogue, replaced together. */
    record Edition(ReasonCatalogue catalogue, Map<String, DecisionTable> tables) {}

    private final String location;
    private volatile Edition edition;

    /** The tables of {@code originate.rules.location}, compiled while the rest of the app starts ({@link EarlyCompile}). */
    @Autowired
    RuleBook(RulesSettings settings, EarlyCompile early) {
        this(settings.location(), early.edition(settings.location()));
    }

    /** The tables of a folder (else of the classpath), whose scenarios must all pass. */
    public RuleBook(String location) {
        this(location, checkedEdition(location));
    }

    /** The tables of a folder, compiled, whose scenarios all pass; else the failures, in a {@link RuleTableException}. */
    static Edition checkedEdition(String location) {
        RuleBook candidate = new RuleBook(location, load(location));
        List<String> failures = scenarioFailures(candidate);
        if (!failures.isEmpty()) {
            throw new RuleTableException("The scenarios of " + location + " fail:\n  " + String.join("\n  ", failures));
        }
        return candidate.edition;
    }

    private RuleBook(String location, Edition edition) {
        this.location = location;
        this.edition = edition;
    }

    /** Compiles a folder without running its scenarios, for a check that reports them itself. */
    public static RuleBook compileOnly(String location) {
        return new RuleBook(location, load(location));
    }

    /**
     * Compiles the folder again and runs its scenarios; only if everything passes does the new
     * edition replace the one in force, in one step. Returns the problems, empty when replaced.
     */
    public synchronized List<String> reload() {
        Edition candidate;
        try {
            candidate = load(location);
        } catch (RuleTableException e) {
            return List.of(e.getMessage());
        }
        List<String> failures = scenarioFailures(new RuleBook(location, candidate));
        if (failures.isEmpty()) {
            this.edition = candidate;
            log.info("Decision tables replaced: {}", versions());
        }
        return failures;
    }

    private static List<String> scenarioFailures(RuleBook rules) {
        Path folder = Path.of(rules.location);
        if (!Files.isDirectory(folder)) {
            return List.of(); // packaged rules were checked when they were built
        }
        List<String> failures = new ArrayList<>();
        for (Path file : RuleFolder.scenarioFiles(folder)) {
            try {
                Scenarios.run(rules, file).failures().forEach(f -> failures.add(f.toString()));
            } catch (RuleTableException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    private static Edition load(String location) {
        Map<String, byte[]> files = RuleFolder.read(location);
        byte[] catalogueFile = files.remove(RuleFolder.CATALOGUE);
        if (catalogueFile == null) {
            throw new RuleTableException("rules/" + RuleFolder.CATALOGUE + " is missing");
        }
        ReasonCatalogue catalogue =
                ReasonCatalogue.read(new ByteArrayInputStream(catalogueFile), "rules/" + RuleFolder.CATALOGUE);
        Map<String, DecisionTable> compiled = new LinkedHashMap<>();
        files.forEach((file, bytes) -> {
            DecisionTable table = TableCompiler.compile(file, bytes, catalogue);
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

    DecisionTable table(String name) {
        DecisionTable table = edition.tables().get(name);
        if (table == null) {
            throw new RuleTableException("There is no decision table rules/" + name + DecisionTable.SUFFIX);
        }
        return table;
    }

    List<DecisionTable> tables() {
        return List.copyOf(edition.tables().values());
    }

    /** Runs a table over one fact with the given result bound to the table's global {@code result}. */
    public <R> R evaluate(String tableName, Object fact, R result) {
        return run(tableName, fact, result).result();
    }

    /** Runs one table of the edition in force, and says which version of the table it was. */
    public <R> Evaluated<R> run(String tableName, Object fact, R result) {
        DecisionTable table = table(tableName);
        List<String> fired = new ArrayList<>();
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
            throw new RuleTableException(
                    table.file() + (fired.isEmpty() ? "" : " rule \"" + fired.get(fired.size() - 1) + "\"") + ": "
                            + cause.getMessage(),
                    e);
        }
        return new Evaluated<>(result, table.hash(), List.copyOf(fired));
    }
}
