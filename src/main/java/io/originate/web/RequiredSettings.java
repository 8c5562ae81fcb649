package io.originate.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything else is built, while a secret or a service choice is missing,
 * and names every missing one at once. Nothing here has a default outside the dev profile: an app
 * started with no profile must not run with a known key, a known webhook secret, a generated
 * administrator or a sandbox service nobody chose.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    record Setting(String property, String variable, String hint) {}

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
            new Setting("originate.adapters.credit-bureau", "ORIGINATE_ADAPTERS_CREDIT_BUREAU", "sandbox"),
            new Setting("originate.adapters.kyc", "ORIGINATE_ADAPTERS_KYC", "sandbox"),
            new Setting("originate.adapters.messages", "ORIGINATE_ADAPTERS_MESSAGES", "outbox"),
            new Setting("originate.adapters.payout", "ORIGINATE_ADAPTERS_PAYOUT", "ledger"),
            new Setting("originate.esign.provider", "ORIGINATE_ESIGN_PROVIDER", "local or docusign"),
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

    /** Thrown when settings are missing; its analysis is what the console shows. */
    public static class Missing extends IllegalStateException {
        private final List<Setting> missing;

        Missing(List<Setting> missing) {
            super("Originate cannot start: "
                    + String.join(", ", missing.stream().map(Setting::variable).toList())
                    + " not set");
            this.missing = missing;
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<Setting> missing = new ArrayList<>();
        for (Setting s : REQUIRED) {
            String value = environment.getProperty(s.property());
            if (value == null || value.isBlank()) {
                if (s.property().equals("originate.privacy.key")
                        && !environment
                                .getProperty("originate.privacy.dev-key-file", "")
                                .isBlank()) {
                    continue; // the dev profile keeps a generated key in a file
                }
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            throw new Missing(missing);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files and the environment are read
    }

    /** Prints the missing settings as a list with what each one is. */
    public static class Analyzer extends AbstractFailureAnalyzer<Missing> {
        @Override
        protected FailureAnalysis analyze(Throwable root, Missing cause) {
            StringBuilder description = new StringBuilder("These settings are required and not set:\n");
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
