package io.originate.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything else is built, while a secret or a service choice is missing
 * or unsafe, and names every problem at once. Nothing here has a default outside the dev profile:
 * an app started with no profile must not run with a known key, a known webhook secret, a generated
 * administrator or a sandbox service nobody chose. A sandbox adapter is taken only when it is
 * also allowed by name ({@code ORIGINATE_ADAPTERS_SANDBOX_ALLOWED}), so that a deployment cannot
 * end up with a bureau that scores everyone 720 by naming it once in the wrong place.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    record Setting(String property, String variable, String hint) {}

    /** An outside service, its adapters by name, and which of them is a sandbox. */
    record Adapter(String service, String property, String variable, Set<String> choices, String sandbox) {}

    static final String SANDBOX_ALLOWED = "originate.adapters.sandbox-allowed";
    static final String SANDBOX_ALLOWED_VARIABLE = "ORIGINATE_ADAPTERS_SANDBOX_ALLOWED";

    static final List<Setting> REQUIRED = List.of(
            new Setting(
                    "originate.privacy.key",
                    "ORIGINATE_PII_KEY",
                    "Base64 of 32 random bytes (openssl rand -base64 32), the key of the personal-data vault"),
            new Setting(
                    "originate.esign.connect.hmac-keys",
                    "ORIGINATE_CONNECT_HMAC_KEYS",
                    "the DocuSign Connect HMAC secret(s), comma-separated"),
            new Setting(
                    "camunda.bpm.admin-user.password",
                    "ORIGINATE_ADMIN_PASSWORD",
                    "the password of the first administrator (ORIGINATE_ADMIN_USER, default admin)"),
            new Setting(
                    "originate.agreement.lender.name",
                    "ORIGINATE_LENDER_NAME",
                    "the lender's registered name, as in its agreements"),
            new Setting(
                    "originate.agreement.lender.registration",
                    "ORIGINATE_LENDER_REGISTRATION",
                    "the lender's unified social credit code"),
            new Setting(
                    "originate.agreement.lender.address",
                    "ORIGINATE_LENDER_ADDRESS",
                    "the lender's registered address"));

    static final List<Adapter> ADAPTERS = List.of(
            new Adapter(
                    "credit-bureau",
                    "originate.adapters.credit-bureau",
                    "ORIGINATE_ADAPTERS_CREDIT_BUREAU",
                    Set.of("sandbox"),
                    "sandbox"),
            new Adapter("kyc", "originate.adapters.kyc", "ORIGINATE_ADAPTERS_KYC", Set.of("sandbox"), "sandbox"),
            new Adapter(
                    "messages",
                    "originate.adapters.messages",
                    "ORIGINATE_ADAPTERS_MESSAGES",
                    Set.of("outbox"),
                    "outbox"),
            new Adapter("payout", "originate.adapters.payout", "ORIGINATE_ADAPTERS_PAYOUT", Set.of("ledger"), "ledger"),
            new Adapter(
                    "esign",
                    "originate.esign.provider",
                    "ORIGINATE_ESIGN_PROVIDER",
                    Set.of("local", "docusign"),
                    "local"));

    /** Thrown when settings are missing or unsafe; its analysis is what the console shows. */
    public static class Missing extends IllegalStateException {
        private final List<Setting> missing;

        Missing(List<Setting> missing) {
            super("Originate cannot start: "
                    + String.join(", ", missing.stream().map(Setting::variable).toList())
                    + " not set or not allowed");
            this.missing = missing;
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<Setting> problems = new ArrayList<>();
        for (Setting s : REQUIRED) {
            if (blank(environment.getProperty(s.property()))) {
                if (s.property().equals("originate.privacy.key")
                        && !blank(environment.getProperty("originate.privacy.dev-key-file"))) {
                    continue; // the dev profile keeps a generated key in a file
                }
                problems.add(s);
            }
        }
        Set<String> allowed = new TreeSet<>();
        for (String name : environment.getProperty(SANDBOX_ALLOWED, "").split(",")) {
            if (!name.isBlank()) {
                allowed.add(name.strip());
            }
        }
        List<String> sandboxes = new ArrayList<>();
        for (Adapter a : ADAPTERS) {
            String choice = environment.getProperty(a.property(), "").strip();
            if (choice.isEmpty()) {
                problems.add(new Setting(
                        a.property(), a.variable(), "one of " + String.join(", ", new TreeSet<>(a.choices()))));
            } else if (!a.choices().contains(choice)) {
                problems.add(new Setting(
                        a.property(),
                        a.variable(),
                        "'" + choice + "' is not an adapter; one of " + String.join(", ", new TreeSet<>(a.choices()))));
            } else if (choice.equals(a.sandbox()) && !allowed.contains(a.service())) {
                sandboxes.add(a.service() + " (" + a.variable() + "=" + choice + ")");
            }
        }
        if (!sandboxes.isEmpty()) {
            problems.add(new Setting(
                    SANDBOX_ALLOWED,
                    SANDBOX_ALLOWED_VARIABLE,
                    "sandbox adapters are chosen for " + String.join(", ", sandboxes)
                            + ", which no real borrower may meet: name each service here to allow its sandbox,"
                            + " or choose a real adapter"));
        }
        if (!problems.isEmpty()) {
            throw new Missing(problems);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files and the environment are read
    }

    /** Prints the missing settings as a list with what each one is. */
    public static class Analyzer extends AbstractFailureAnalyzer<Missing> {
        @Override
        protected FailureAnalysis analyze(Throwable root, Missing cause) {
            StringBuilder description = new StringBuilder("These settings are required and not set, or not allowed:\n");
            for (Setting s : cause.missing) {
                description
                        .append("  - ")
                        .append(s.variable())
                        .append(" (")
                        .append(s.property())
                        .append("): ")
                        .append(s.hint())
                        .append('\n');
            }
            return new FailureAnalysis(
                    description.toString(),
                    "Set them in the environment. For a sandbox on this machine only, use the dev profile"
                            + " (./mvnw spring-boot:run, or --spring.profiles.active=dev).",
                    cause);
        }
    }
}
