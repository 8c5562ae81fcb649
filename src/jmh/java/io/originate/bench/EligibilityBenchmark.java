package io.originate.bench;

import io.originate.decision.EligibilityInput;
import io.originate.decision.EligibilityResult;
import io.originate.rules.RuleBook;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Eligibility evaluations per second on one thread: the shipped Drools table against the same
 * policy as a Camunda DMN table (default FEEL, and FEEL legacy behaviour). Run with
 * {@code ./mvnw -Pbench compile exec:exec@bench}; results go to docs/benchmarks/.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EligibilityBenchmark {

    static final int INPUTS = 1024;

    RuleBook rules;
    DmnEngine dmn;
    DmnDecision dmnDecision;
    DmnEngine dmnLegacy;
    DmnDecision dmnLegacyDecision;
    EligibilityInput[] inputs;
    VariableMap[] variables;
    int next;

    @Setup
    public void setUp() throws IOException {
        rules = RuleBook.compileOnly("rules");
        dmn = new DefaultDmnEngineConfiguration().buildEngine();
        dmnDecision = parse(dmn);
        DefaultDmnEngineConfiguration legacy = new DefaultDmnEngineConfiguration();
        legacy.enableFeelLegacyBehavior(true);
        dmnLegacy = legacy.buildEngine();
        dmnLegacyDecision = parse(dmnLegacy);
        inputs = inputs(new Random(20261125L));
        variables = new VariableMap[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            variables[i] = variables(inputs[i]);
        }
        for (int i = 0; i < INPUTS; i++) {
            String drools = drools(inputs[i]);
            String viaDmn = dmn(dmn, dmnDecision, variables[i]);
            String viaLegacy = dmn(dmnLegacy, dmnLegacyDecision, variables[i]);
            if (!drools.equals(viaDmn) || !drools.equals(viaLegacy)) {
                throw new IllegalStateException(
                        "Drools and DMN disagree on " + inputs[i] + ": " + drools + " / " + viaDmn + " / " + viaLegacy);
            }
        }
    }

    @Benchmark
    public String drools() {
        return drools(inputs[next++ & (INPUTS - 1)]);
    }

    @Benchmark
    public String dmnDefaultFeel() {
        return dmn(dmn, dmnDecision, variables[next++ & (INPUTS - 1)]);
    }

    @Benchmark
    public String dmnLegacyFeel() {
        return dmn(dmnLegacy, dmnLegacyDecision, variables[next++ & (INPUTS - 1)]);
    }

    String drools(EligibilityInput input) {
        EligibilityResult r = rules.evaluate("eligibility", input, new EligibilityResult());
        return r.outcome().name() + new TreeSet<>(r.reasons(rules.catalogue()));
    }

    static String dmn(DmnEngine engine, DmnDecision decision, VariableMap vars) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, vars);
        TreeSet<String> reasons = new TreeSet<>();
        boolean decline = false;
        boolean refer = false;
        for (var row : result) {
            String outcome = (String) row.getEntry("outcome");
            decline |= outcome.equals("DECLINE");
            refer |= outcome.equals("REFER");
            reasons.add((String) row.getEntry("reason"));
        }
        return (decline ? "DECLINE" : refer ? "REFER" : "APPROVE") + reasons;
    }

    private static DmnDecision parse(DmnEngine engine) throws IOException {
        try (InputStream in = EligibilityBenchmark.class.getResourceAsStream("/eligibility.dmn")) {
            return engine.parseDecision("Eligibility", in);
        }
    }

    static EligibilityInput[] inputs(Random r) {
        String[] employment = {"EMPLOYED", "EMPLOYED", "EMPLOYED", "SELF_EMPLOYED", "RETIRED", "UNEMPLOYED", "STUDENT"};
        EligibilityInput[] out = new EligibilityInput[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            int age = 16 + r.nextInt(60);
            int term = 1 + r.nextInt(40);
            boolean file = r.nextInt(10) > 0;
            out[i] = new EligibilityInput(
                    "CONSUMER_INSTALLMENT",
                    BigDecimal.valueOf(500 + r.nextInt(210_000)).setScale(2),
                    term,
                    age,
                    age + term / 12,
                    employment[r.nextInt(employment.length)],
                    r.nextInt(60),
                    BigDecimal.valueOf(2_000 + r.nextInt(30_000)).setScale(2),
                    BigDecimal.valueOf(r.nextInt(8_000), 4),
                    file,
                    file ? 500 + r.nextInt(350) : 0,
                    r.nextInt(30) == 0,
                    r.nextInt(10) == 0 ? 1 + r.nextInt(3) : 0,
                    r.nextInt(10),
                    r.nextInt(20) == 0 ? 1 : 0,
                    "B");
        }
        return out;
    }

    static VariableMap variables(EligibilityInput in) {
        return Variables.createVariables()
                .putValue("amount", in.amount())
                .putValue("termMonths", in.termMonths())
                .putValue("age", in.age())
                .putValue("ageAtMaturity", in.ageAtMaturity())
                .putValue("employmentStatus", in.employmentStatus())
                .putValue("employmentMonths", in.employmentMonths())
                .putValue("monthlyIncome", in.monthlyIncome())
                .putValue("debtToIncome", in.debtToIncome())
                .putValue("creditFile", in.creditFile())
                .putValue("bureauScore", in.bureauScore())
                .putValue("bankruptcy", in.bankruptcy())
                .putValue("delinquencies12m", in.delinquencies12m())
                .putValue("inquiries6m", in.inquiries6m())
                .putValue("fraudSignals", in.fraudSignals());
    }

    /** Measures table compilation (cold, then warm), runs JMH, and writes the report. */
    public static void main(String[] args) throws RunnerException, IOException {
        List<Long> compileMillis = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            RuleBook.compileOnly("rules");
            compileMillis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(EligibilityBenchmark.class.getSimpleName())
                        .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                        .result("docs/benchmarks/rules-jmh.json")
                        .build())
                .run();
        double drools = score(results, "drools");
        double dmnDefault = score(results, "dmnDefaultFeel");
        double dmnLegacy = score(results, "dmnLegacyFeel");
        StringBuilder md = new StringBuilder();
        md.append("# Decision table benchmark\n\n")
                .append("Measured ")
                .append(LocalDate.now())
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(". Rerun: `./mvnw -Pbench compile exec:exec@bench` (raw JMH results: `rules-jmh.json`).\n\n")
                .append(
                        "Eligibility evaluations per second on one thread (JMH, 1 fork, 3×2 s warm-up, 5×2 s measurement),")
                .append(" the shipped `rules/eligibility.drl.xlsx` against the same policy as a Camunda DMN table")
                .append(" (`src/jmh/resources/eligibility.dmn`, hit policy COLLECT), over ")
                .append(INPUTS)
                .append(" varied inputs on which all three agree (checked before measuring):\n\n")
                .append("| engine | evaluations/s | error (99.9%) |\n|---|---:|---:|\n");
        for (RunResult r : results) {
            String name = r.getParams()
                    .getBenchmark()
                    .substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            md.append(String.format(
                    "| %s | %,.0f | ± %,.0f |%n",
                    name, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        md.append(String.format(
                "%nDrools is %.1f× the DMN engine with its default FEEL and %.1f× with FEEL legacy behaviour."
                        + " Target: at least 100,000 Drools evaluations per second per thread: %s.%n",
                drools / dmnDefault, drools / dmnLegacy, drools >= 100_000 ? "met" : "NOT met"));
        md.append(String.format(
                "%nCompiling all tables of `rules/` (%s): %d ms cold (first in a fresh JVM), then %s ms."
                        + " Target under 3 s: %s.%n",
                RuleBook.compileOnly("rules").versions(),
                compileMillis.get(0),
                compileMillis.subList(1, compileMillis.size()),
                compileMillis.get(0) < 3000 ? "met" : "NOT met"));
        Files.writeString(Path.of("docs/benchmarks/rules.md"), md.toString());
        System.out.println(md);
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst()
                .orElseThrow()
                .getPrimaryResult()
                .getScore();
    }
}
