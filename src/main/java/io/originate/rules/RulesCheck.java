package io.originate.rules;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The analysts' check: compiles every table of a rules folder (default {@code rules}) and runs
 * every scenario file. Prints what passed and each failure with the table row to look at; exits 1
 * when anything fails. Run it with {@code ./mvnw -q compile exec:java@check-rules}.
 */
public final class RulesCheck {

    private RulesCheck() {}

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // the check reports Drools' errors itself, row by row
        ((Logger) LoggerFactory.getLogger("org.drools")).setLevel(Level.OFF);
        ((Logger) LoggerFactory.getLogger("org.kie")).setLevel(Level.OFF);
        Path folder = Path.of(args.length > 0 ? args[0] : "rules");
        System.exit(check(folder) ? 0 : 1);
    }

    static boolean check(Path folder) {
        long start = System.nanoTime();
        RuleBook rules;
        try {
            rules = RuleBook.compileOnly(folder.toString());
        } catch (RuleTableException e) {
            System.out.println("FAIL " + e.getMessage());
            return false;
        }
        System.out.printf("Compiled %s in %d ms%n", rules.versions(), (System.nanoTime() - start) / 1_000_000);
        boolean ok = true;
        int scenarios = 0;
        int failed = 0;
        for (Path file : RuleFolder.scenarioFiles(folder)) {
            int count = count(file);
            scenarios += count;
            try {
                List<Scenarios.Failure> failures = Scenarios.run(rules, file).failures();
                failed += failures.size();
                System.out.printf(
                        "%s %s: %d of %d scenarios pass%n",
                        failures.isEmpty() ? "ok  " : "FAIL", file.getFileName(), count - failures.size(), count);
                failures.forEach(f -> System.out.println("     " + f));
                ok &= failures.isEmpty();
            } catch (RuleTableException e) {
                System.out.println("FAIL " + e.getMessage());
                failed += count;
                ok = false;
            }
        }
        System.out.printf("%d passed, %d failed%n", scenarios - failed, failed);
        if (ok) {
            Map<String, List<String>> neverFired = Scenarios.rowsNeverFired(rules, folder);
            neverFired.forEach((table, rows) -> System.out.printf(
                    "FAIL rules/%s%s: no scenario makes %s fire; add one that does%n",
                    table, DecisionTable.SUFFIX, String.join(", ", rows)));
            ok = neverFired.isEmpty();
        }
        return ok;
    }

    private static int count(Path file) {
        try (var lines = Files.lines(file)) {
            return (int) lines.skip(1).filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
