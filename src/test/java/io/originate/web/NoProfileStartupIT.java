package io.originate.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.PackagedJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as a user would start it, with no profile: it refuses to start until
 * the secrets and service choices are given, naming each one; given them, it runs without any of
 * the dev sandbox's conveniences.
 */
class NoProfileStartupIT {

    static Process start(Path workDir, int port, Map<String, String> settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-Xmx512m", "-jar", PackagedJar.jar().toString(), "--server.port=" + port)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("console.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ORIGINATE_") || k.startsWith("SPRING_"));
        builder.environment().putAll(settings);
        return builder.start();
    }

    @Test
    void withoutSecretsTheJarRefusesToStartAndNamesWhatIsMissing() throws Exception {
        Path dir = Files.createTempDirectory("originate-no-profile");
        Process app = start(dir, PackagedJar.freePort(), Map.of());
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("it stops by itself").isTrue();
        assertThat(app.exitValue()).isNotZero();
        String console = Files.readString(dir.resolve("console.log"));
        assertThat(console)
                .contains("APPLICATION FAILED TO START")
                .contains("ORIGINATE_PII_KEY")
                .contains("ORIGINATE_CONNECT_HMAC_KEYS")
                .contains("ORIGINATE_ADMIN_PASSWORD")
                .contains("ORIGINATE_ADAPTERS_CREDIT_BUREAU")
                .contains("ORIGINATE_ESIGN_PROVIDER")
                .contains("ORIGINATE_LENDER_NAME");
        assertThat(dir.resolve("data")).as("nothing was created").doesNotExist();
    }

    @Test
    void withSecretsItRunsWithoutTheSandboxConveniences() throws Exception {
        Path dir = Files.createTempDirectory("originate-no-profile");
        int port = PackagedJar.freePort();
        Process app = start(
                dir,
                port,
                Map.ofEntries(
                        Map.entry("ORIGINATE_PII_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
                        Map.entry("ORIGINATE_CONNECT_HMAC_KEYS", "it-connect-key"),
                        Map.entry("ORIGINATE_ADMIN_PASSWORD", "it-admin-secret-1"),
                        Map.entry("ORIGINATE_ADAPTERS_SANDBOX_ALLOWED", "credit-bureau,kyc,messages,payout,esign"),
                        Map.entry("ORIGINATE_ADAPTERS_CREDIT_BUREAU", "sandbox"),
                        Map.entry("ORIGINATE_ADAPTERS_KYC", "sandbox"),
                        Map.entry("ORIGINATE_ADAPTERS_MESSAGES", "outbox"),
                        Map.entry("ORIGINATE_ADAPTERS_PAYOUT", "ledger"),
                        Map.entry("ORIGINATE_ESIGN_PROVIDER", "local"),
                        Map.entry("ORIGINATE_LENDER_NAME", "测试贷款有限公司"),
                        Map.entry("ORIGINATE_LENDER_REGISTRATION", "91110000TEST000000"),
                        Map.entry("ORIGINATE_LENDER_ADDRESS", "北京市测试路 1 号")));
        try {
            Api api = new Api(port);
            long end = System.currentTimeMillis() + 120_000;
            int health = 0;
            while (health != 200 && System.currentTimeMillis() < end && app.isAlive()) {
                Thread.sleep(500);
                try {
                    health = api.raw("127.0.0.1", "GET", "/actuator/health", null)
                            .status();
                } catch (AssertionError notYetListening) {
                    health = 0;
                }
            }
            assertThat(health).as(Files.readString(dir.resolve("console.log"))).isEqualTo(200);

            for (String user : List.of("kyc", "underwriter", "senior", "ops", "compliance", "analyst")) {
                assertThat(api.from("198.51.100." + user.length())
                                .staff(user, "originate", "/api/v1/staff/rules")
                                .status())
                        .as("no demo user " + user)
                        .isEqualTo(401);
            }
            assertThat(api.staff("admin", "originate", "/engine-rest/user").status())
                    .isEqualTo(401);
            assertThat(api.staff("admin", "it-admin-secret-1", "/engine-rest/user")
                            .status())
                    .isEqualTo(200);
            assertThat(api.send("GET", "/api/v1/dev/outbox?mobile=13900000000", null)
                            .status())
                    .as("no dev outbox")
                    .isEqualTo(401);
            assertThat(api.send("POST", "/camunda/api/admin/setup/default/user/create", "{}")
                            .status())
                    .isEqualTo(401);
            assertThat(dir.resolve("data/dev-pii.key")).as("no generated key").doesNotExist();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                    .isEqualTo("rwx------");
            assertThat(Files.readString(dir.resolve("console.log"))).doesNotContain("Created demo staff");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }
}
