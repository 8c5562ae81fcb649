package io.originate.load;

import io.originate.process.LoanJourney;
import io.originate.process.ProcessVariables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.config.EventPublicationAutoConfiguration;

/**
 * What the engine itself allows on this machine: the same BPMN models, the same engine settings
 * (the app's application.yml and profile, its database kind, history level and job executor), but
 * every delegate, listener and expression bean a no-op, and the journey driven through the engine's
 * API ({@link LoanJourney}, as the app's requests do) by as many concurrent borrowers as the HTTP
 * benchmark uses, polling as often.
 *
 * <p>The no-op delegates set the variables the models' gateways read, with the outcomes of an
 * approved, automatically priced loan: the path the HTTP benchmark's borrowers take.
 *
 * <p>Run by {@code scripts/benchmark} ({@code ./mvnw -Pload exec:exec@ceiling}); settings from the
 * environment: {@code LOAD_USERS}, {@code LOAD_RAMP}, {@code LOAD_HOLD} (seconds), {@code
 * LOAD_POLL_MS}, {@code LOAD_CEILING_OUT} (the JSON result), plus the app's own database settings.
 */
// the engine alone: not the app's schema, after-commit events or REST API
@SpringBootApplication(
        exclude = {
            FlywayAutoConfiguration.class,
            EventPublicationAutoConfiguration.class,
            CamundaBpmRestJerseyAutoConfiguration.class
        },
        excludeName = "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration")
public class EngineCeiling {

    /** The variables each delegate of the approved path sets, as the real one does for such a loan. */
    static final Map<String, Map<String, Object>> OUTCOMES = Map.of(
            "screenSanctionsDelegate", Map.of(ProcessVariables.SANCTIONS_OUTCOME, "CLEAR"),
            "checkRealNameDelegate", Map.of(ProcessVariables.KYC_OUTCOME, "MATCH"),
            "assessCreditDelegate", Map.of(ProcessVariables.FRAUD_SIGNALS, 0),
            "decideEligibilityDelegate",
                    Map.of(
                            ProcessVariables.ELIGIBILITY_OUTCOME, "APPROVE",
                            ProcessVariables.APPROVAL_GROUP, "AUTOMATIC",
                            ProcessVariables.DECISION_RECORD_ID, "record"),
            "priceOfferDelegate", Map.of(ProcessVariables.PRICING_OUTCOME, "OFFER"));

    static final Pattern DELEGATE = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"");

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        SpringApplicationBuilder builder =
                new SpringApplicationBuilder(EngineCeiling.class).web(WebApplicationType.NONE);
        builder.application().setInitializers(List.of(context -> registerNoOps(context, models)));
        String out = System.getenv().getOrDefault("LOAD_CEILING_OUT", "ceiling.json");
        // whoever measures this process's CPU finds it here
        Files.writeString(
                Path.of(out + ".pid"), Long.toString(ProcessHandle.current().pid()));
        try (ConfigurableApplicationContext context = builder.run(
                // the packaged settings only (not the test overrides on this classpath)
                "--spring.config.location=classpath:/")) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            deploy(engine, models);
            Map<String, Object> result = measure(engine, context.getEnvironment());
            String json = result.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                    .collect(Collectors.joining(",\n ", "{", "}\n"));
            Files.writeString(Path.of(out), json);
            System.out.println("Engine ceiling: " + json);
        }
        System.exit(0);
    }

    /** A no-op delegate under every name the models give a delegate expression. */
    static void registerNoOps(ConfigurableApplicationContext context, Path models) {
        var beans = context.getBeanFactory();
        for (String name : delegateNames(models)) {
            Map<String, Object> sets = OUTCOMES.getOrDefault(name, Map.of());
            beans.registerSingleton(name, (JavaDelegate) execution -> {
                execution.setVariables(sets);
                if (sets.containsKey(ProcessVariables.PRICING_OUTCOME)) {
                    execution.setVariable(
                            ProcessVariables.OFFER_EXPIRES_AT,
                            Instant.now().plus(Duration.ofDays(14)).toString());
                }
            });
        }
        beans.registerSingleton("applicationStatus", new ApplicationStatus());
        beans.registerSingleton("productTerms", new ProductTerms());
        beans.registerSingleton("staffDeadlines", new StaffDeadlines());
        beans.registerSingleton("complaintDeadline", new ComplaintDeadline());
    }

    static List<String> delegateNames(Path models) {
        try (Stream<Path> files = Files.list(models)) {
            List<String> names = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = DELEGATE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!names.contains(m.group(1))) {
                        names.add(m.group(1));
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the models in " + models, e);
        }
    }

    static void deploy(ProcessEngine engine, Path models) throws IOException {
        var deployment = engine.getRepositoryService().createDeployment().name("ceiling");
        try (Stream<Path> files = Files.list(models)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                deployment.addString(file.getFileName().toString(), Files.readString(file));
            }
        }
        deployment.deploy();
    }

    static Map<String, Object> measure(ProcessEngine engine, Environment settings) throws InterruptedException {
        int users = settings.getProperty("load.users", Integer.class, 32);
        int ramp = settings.getProperty("load.ramp", Integer.class, 20);
        int hold = settings.getProperty("load.hold", Integer.class, 120);
        int pollMs = settings.getProperty("load.poll-ms", Integer.class, 200);
        RuntimeService runtime = engine.getRuntimeService();
        LoanJourney journey = new LoanJourney(runtime);
        ConcurrentLinkedQueue<Long> done = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        long started = System.currentTimeMillis();
        long heldFrom = started + ramp * 1000L;
        long heldTo = heldFrom + hold * 1000L;
        List<Thread> borrowers = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            long startAt = started + (long) i * ramp * 1000L / users;
            Thread t = new Thread(
                    () -> {
                        sleepUntil(startAt);
                        while (!stop.get() && failures.isEmpty()) {
                            try {
                                oneLoan(runtime, journey, pollMs);
                                done.add(System.currentTimeMillis());
                            } catch (RuntimeException e) {
                                failures.add(e.toString());
                            }
                        }
                    },
                    "borrower-" + i);
            t.start();
            borrowers.add(t);
        }
        // a few seconds past the window, so that the benchmark's CPU samples (every 2 s) bracket it
        sleepUntil(heldTo + 5_000);
        stop.set(true);
        for (Thread t : borrowers) {
            t.join(Duration.ofMinutes(3).toMillis());
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the no-op journey failed: " + failures.peek());
        }
        long inWindow = done.stream().filter(t -> t >= heldFrom && t < heldTo).count();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var jobs = configuration.getJobExecutor();
        return Map.of(
                "heldFrom",
                heldFrom,
                "heldTo",
                heldTo,
                "instancesPerSecond",
                Math.round(inWindow * 100.0 / hold) / 100.0,
                "completedInWindow",
                inWindow,
                "users",
                users,
                "holdSeconds",
                hold,
                "pollMs",
                pollMs,
                "database",
                configuration.getDatabaseType(),
                "history",
                configuration.getHistory(),
                "jobExecutor",
                "maxJobsPerAcquisition=" + jobs.getMaxJobsPerAcquisition() + ", waitTimeInMillis="
                        + jobs.getWaitTimeInMillis() + ", lockTimeInMillis=" + jobs.getLockTimeInMillis());
    }

    /** One loan, as the app's requests drive it: start, then each message once the process waits for it. */
    static void oneLoan(RuntimeService runtime, LoanJourney journey, int pollMs) {
        String id = UUID.randomUUID().toString();
        journey.start(id, Map.of());
        for (String message : List.of(
                ProcessVariables.MESSAGE_PHONE_VERIFIED,
                ProcessVariables.MESSAGE_OFFER_ACCEPTED,
                ProcessVariables.MESSAGE_ENVELOPE_COMPLETED)) {
            await(id, message, pollMs, () -> journey.correlate(message, id));
        }
        await(
                id,
                "the end",
                pollMs,
                () -> runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(id)
                                .count()
                        == 0);
    }

    static void await(String id, String what, int pollMs, BooleanSupplier done) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("loan " + id + " did not reach " + what + " in 120 s");
            }
            try {
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void sleepUntil(long epochMillis) {
        long left = epochMillis - System.currentTimeMillis();
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String json(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : "\"" + value + "\"";
    }

    /** The models' expression beans, doing nothing and answering what the product defaults answer. */
    public static class ApplicationStatus {
        public void mark(String applicationId, String status) {}
    }

    public static class ProductTerms {
        public String coolingOff(String applicationId) {
            return "PT0S";
        }

        public String signingPeriod(String applicationId) {
            return "P7D";
        }
    }

    public static class StaffDeadlines {
        public Date due(String group) {
            return Date.from(Instant.now().plus(Duration.ofDays(1)));
        }

        public String after(String group) {
            return "P1D";
        }
    }

    public static class ComplaintDeadline {
        public Date respondBy(String complaintId) {
            return Date.from(Instant.now().plus(Duration.ofDays(15)));
        }

        public String reopenWithin() {
            return "P30D";
        }
    }
}
