package io.originate.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import io.originate.support.PackagedJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented rotation, on the packaged jar and its H2 file: data sealed under key A; the
 * command ({@code scripts/rotate-keys all}) with key B, A as previous and a new index key, killed
 * with SIGKILL after its first batch, then run again to the end; the app, given only B and the
 * new index key, reads every record and finds every one by its blind index.
 */
class KeyRotationIT {

    static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String KEY_B = "HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
    static final String INDEX_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    @TempDir
    Path dir;

    record Borrower(String key, Map<String, Object> body, Api.Submitted submitted, String code) {}

    @Test
    void aRotationKilledMidwayResumesAndEverythingReadsUnderTheNewKeys() throws Exception {
        int port = PackagedJar.freePort();
        Api api = new Api(port);
        List<Borrower> borrowers = new ArrayList<>();
        Process app = app(port, Map.of("ORIGINATE_PII_KEY", KEY_A));
        try {
            awaitHealth(app, api);
            for (int i = 0; i < 12; i++) {
                Map<String, Object> body =
                        ApplicationTestData.aSalariedApplicant().build();
                String key = UUID.randomUUID().toString();
                Api.Response r = api.postJson("/api/v1/applications", body, "Idempotency-Key", key);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                @SuppressWarnings("unchecked")
                String mobile = (String) ((Map<String, Object>) body.get("applicant")).get("mobile");
                Api.Submitted s = new Api.Submitted(
                        r.json().get("id").asText(), r.json().get("accessToken").asText(), mobile);
                borrowers.add(new Borrower(key, body, s, api.otpFor(mobile)));
            }
            // one borrower further on: a verified phone, an accepted offer (its IP address sealed)
            Borrower first = borrowers.get(0);
            assertThat(api.post(first.submitted(), "/otp/verify", Map.of("code", first.code()))
                            .status())
                    .isEqualTo(204);
            api.waitForStatus(first.submitted(), s -> s.equals("APPROVED"));
            assertThat(api.accept(first.submitted()).path("envelopeId").asText())
                    .isNotBlank();
        } finally {
            stop(app);
        }

        Map<String, String> rotated = Map.of(
                "ORIGINATE_PII_KEY", KEY_B, "ORIGINATE_PII_PREVIOUS_KEYS", KEY_A, "ORIGINATE_PII_INDEX_KEY", INDEX_KEY);
        Path firstRun = dir.resolve("rotate-1.log");
        Process killed = rotate(rotated, firstRun);
        long end = System.currentTimeMillis() + 180_000;
        while (!(Files.exists(firstRun) && Files.readString(firstRun).contains("sealed again under key"))) {
            assertThat(killed.isAlive()).as("the first run is still going").isTrue();
            assertThat(System.currentTimeMillis()).as("progress shown").isLessThan(end);
            Thread.sleep(100);
        }
        killed.destroyForcibly().waitFor(); // SIGKILL, in the middle of its batches
        assertThat(Files.readString(firstRun)).doesNotContain("Key rotation: complete");

        Path secondRun = dir.resolve("rotate-2.log");
        Process resumed = rotate(rotated, secondRun);
        assertThat(resumed.waitFor(240, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(secondRun);
        assertThat(resumed.exitValue()).as(log).isZero();
        assertThat(log).contains("Key rotation: complete").contains("pii_record.data_key: done");
        log.lines()
                .filter(line -> line.contains("Key rotation") || line.contains(" to go"))
                .forEach(System.out::println);

        // the old key is gone: everything opens with B, every index is under the new index key
        app = app(port, Map.of("ORIGINATE_PII_KEY", KEY_B, "ORIGINATE_PII_INDEX_KEY", INDEX_KEY));
        try {
            awaitHealth(app, api);
            for (Borrower b : borrowers) {
                JsonNode status = api.get(b.submitted(), "").json();
                assertThat(status.path("applicant").path("mobile").asText())
                        .isEqualTo(b.submitted().mobile().substring(0, 3) + "****"
                                + b.submitted().mobile().substring(7));
                Api.Response replay = api.postJson("/api/v1/applications", b.body(), "Idempotency-Key", b.key());
                assertThat(replay.status()).as(replay.body()).isEqualTo(201);
                assertThat(replay.json().get("id").asText())
                        .isEqualTo(b.submitted().id());
                assertThat(api.otpFor(b.submitted().mobile())).isEqualTo(b.code());
                assertThat(api.staffPost(
                                        "underwriter",
                                        "originate",
                                        "/api/v1/staff/applications/search",
                                        "{\"mobile\":\"" + b.submitted().mobile() + "\"}")
                                .json()
                                .findValuesAsText("applicationId"))
                        .containsExactly(b.submitted().id());
            }
            assertThat(api.get(borrowers.get(0).submitted(), "/offer").status()).isEqualTo(200);
            assertThat(Files.readString(dir.resolve("console.log"))).doesNotContain("Decryption failed");
        } finally {
            stop(app);
        }
    }

    private Process app(int port, Map<String, String> keys) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(java(), "-Xmx512m", "-jar", PackagedJar.jar().toString()));
        command.addAll(settings());
        command.add("--server.port=" + port);
        return start(command, keys, dir.resolve("console.log"));
    }

    private Process rotate(Map<String, String> keys, Path log) throws IOException {
        List<String> command = new ArrayList<>(
                List.of("bash", Path.of("scripts/rotate-keys").toAbsolutePath().toString(), "all"));
        command.addAll(settings());
        command.addAll(
                List.of("--originate.privacy.rotation.batch-size=2", "--originate.privacy.rotation.pause=PT0.3S"));
        return start(command, keys, log);
    }

    private List<String> settings() {
        return List.of(
                "--spring.profiles.active=dev",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/originate") + ";LOCK_TIMEOUT=10000",
                "--originate.rules.location=" + Path.of("rules").toAbsolutePath(),
                "--originate.rules.watch=false",
                "--originate.processes.location=" + Path.of("processes").toAbsolutePath());
    }

    private Process start(List<String> command, Map<String, String> keys, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ORIGINATE_") || k.startsWith("SPRING_"));
        env.putAll(new HashMap<>(keys));
        env.put("PATH", Path.of(java()).getParent() + ":" + System.getenv("PATH"));
        return builder.start();
    }

    private void awaitHealth(Process app, Api api) throws Exception {
        long end = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < end && app.isAlive()) {
            try {
                if (api.send("GET", "/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (AssertionError notYetListening) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the app did not start: " + Files.readString(dir.resolve("console.log")));
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
