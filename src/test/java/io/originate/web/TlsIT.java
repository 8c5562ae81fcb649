package io.originate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.originate.support.PackagedJar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on both sides, with certificates made for the test: the packaged jar serves HTTPS from a
 * PKCS12 keystore ({@code server.ssl.*}), and reaches a PostgreSQL that accepts only TLS
 * ({@code hostssl}) with {@code sslmode=verify-full} against the certificate's own root; given a
 * root that did not sign the server's certificate, it refuses to start. The PostgreSQL is a
 * throwaway cluster of the machine's binaries ({@code initdb}); where there are none the test is
 * skipped, unless ORIGINATE_REQUIRE_POSTGRES=true (CI).
 */
class TlsIT {

    static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    Path cluster;
    Process app;

    @Test
    void theAppServesHttpsAndReachesPostgresqlWithVerifyFull() throws Exception {
        Path pgBin = postgresBinaries();
        Path keyStore = certificate("server", "SAN=dns:localhost,ip:127.0.0.1");
        Path serverCert = exportCert(keyStore, "server");
        Path otherRoot = exportCert(certificate("other", "SAN=dns:localhost"), "other");
        int pgPort = PackagedJar.freePort();
        startPostgres(pgBin, keyStore, serverCert, pgPort);

        int port = PackagedJar.freePort();
        app = start(port, pgPort, serverCert, keyStore);
        HttpClient https = HttpClient.newBuilder()
                .sslContext(trusting(keyStore))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String health = awaitHealth(https, "https://localhost:" + port + "/actuator/health");
        assertThat(health).contains("UP");
        HttpResponse<String> submitted = https.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/applications"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "tls-1")
                        .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                                .writeValueAsString(io.originate.support.ApplicationTestData.aSalariedApplicant()
                                        .build())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.headers().firstValue("Strict-Transport-Security")).isPresent();
        String sslInUse = psql(
                pgBin,
                pgPort,
                "select count(*) from pg_stat_ssl s join pg_stat_activity a using (pid)"
                        + " where a.datname = 'originate' and s.ssl");
        assertThat(Integer.parseInt(sslInUse.strip()))
                .as("the app's connections use TLS")
                .isPositive();
        HttpClient plain =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(attempt(plain, "http://localhost:" + port + "/actuator/health"))
                .as("no plain HTTP on the HTTPS port")
                .isNotEqualTo(200);
        stop(app);

        // a root that did not sign the server's certificate: no connection, no start
        app = start(PackagedJar.freePort(), pgPort, otherRoot, keyStore);
        assertThat(app.waitFor(180, TimeUnit.SECONDS)).as("it stops by itself").isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(Files.readString(dir.resolve("console.log"))).contains("SSL error: PKIX path");
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (app != null) {
            stop(app);
        }
        if (cluster != null) {
            run(asPostgres(
                    postgresBinaries().resolve("pg_ctl").toString(),
                    "-D",
                    cluster.toString(),
                    "-m",
                    "immediate",
                    "stop"));
        }
    }

    private Process start(int port, int pgPort, Path root, Path keyStore) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-jar",
                PackagedJar.jar().toString(),
                "--spring.profiles.active=dev,postgres",
                "--server.port=" + port,
                "--originate.rules.location=" + Path.of("rules").toAbsolutePath(),
                "--originate.rules.watch=false",
                "--originate.processes.location=" + Path.of("processes").toAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ORIGINATE_") || k.startsWith("SPRING_"));
        env.put("ORIGINATE_PII_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        env.put(
                "ORIGINATE_DB_URL",
                "jdbc:postgresql://localhost:" + pgPort + "/originate?sslmode=verify-full&sslrootcert="
                        + root.toAbsolutePath());
        env.put("ORIGINATE_DB_USER", "postgres");
        env.put("ORIGINATE_TLS_ENABLED", "true");
        env.put("ORIGINATE_TLS_KEYSTORE", keyStore.toAbsolutePath().toString());
        env.put("ORIGINATE_TLS_KEYSTORE_PASSWORD", PASSWORD);
        return builder.start();
    }

    private String awaitHealth(HttpClient https, String url) throws Exception {
        long end = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < end && app.isAlive()) {
            try {
                HttpResponse<String> r = https.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no healthy HTTPS: " + Files.readString(dir.resolve("console.log")));
    }

    private static int attempt(HttpClient client, String url) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException refused) {
            return -1;
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /** A throwaway cluster that accepts TLS connections only, with the test's certificate. */
    private void startPostgres(Path bin, Path keyStore, Path cert, int port) throws Exception {
        Path home = Files.createDirectories(dir.resolve("pg"));
        cluster = home.resolve("data");
        run(List.of("chmod", "755", dir.toString()));
        if (runningAsRoot()) {
            run(List.of("chown", "postgres", home.toString()));
        }
        run(asPostgres(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-A", "trust", "-U", "postgres"));
        Path key = dir.resolve("server.key");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        byte[] encoded = store.getKey("server", PASSWORD.toCharArray()).getEncoded();
        Files.writeString(
                key,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(encoded)
                        + "\n-----END PRIVATE KEY-----\n");
        run(asPostgres("cp", cert.toString(), cluster.resolve("server.crt").toString()));
        run(asPostgres("cp", key.toString(), cluster.resolve("server.key").toString()));
        run(asPostgres("chmod", "600", cluster.resolve("server.key").toString()));
        run(asPostgres(
                "sh",
                "-c",
                "printf \"ssl = on\\nport = " + port + "\\nlisten_addresses = '127.0.0.1'\\nunix_socket_directories = '"
                        + home + "'\\n\" >> " + cluster.resolve("postgresql.conf")
                        + " && printf \"local all all trust\\n"
                        + "hostssl all all 127.0.0.1/32 trust\\n\" > " + cluster.resolve("pg_hba.conf")));
        run(asPostgres(
                bin.resolve("pg_ctl").toString(),
                "-D",
                cluster.toString(),
                "-l",
                home.resolve("log").toString(),
                "-w",
                "start"));
        psql(bin, port, "create database originate");
    }

    private String psql(Path bin, int port, String sql) throws Exception {
        return run(List.of(
                bin.resolve("psql").toString(),
                "postgresql://postgres@127.0.0.1:" + port + "/postgres?sslmode=require",
                "-Atc",
                sql));
    }

    private Path certificate(String alias, String san) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                san,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
        return store;
    }

    private Path exportCert(Path store, String alias) throws Exception {
        Path cert = dir.resolve(alias + ".crt");
        run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-exportcert",
                "-rfc",
                "-alias",
                alias,
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                cert.toString()));
        return cert;
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static Path postgresBinaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        Path found = null;
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted()
                        .reduce((a, b) -> b)
                        .orElse(null);
            }
        }
        if (found == null && "true".equals(System.getenv("ORIGINATE_REQUIRE_POSTGRES"))) {
            throw new AssertionError("no PostgreSQL binaries under /usr/lib/postgresql, and CI requires them");
        }
        assumeTrue(found != null, "no PostgreSQL binaries (initdb) here: the TLS test needs them");
        return found;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
