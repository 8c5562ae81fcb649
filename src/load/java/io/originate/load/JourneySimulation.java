package io.originate.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Borrowers over HTTP, as the mobile app drives the API (run by {@code scripts/benchmark}, which
 * starts the app on a fresh database with the dev profile).
 *
 * <p>Two phases, one after the other:
 *
 * <ol>
 *   <li><b>journeys</b>: a closed loop of {@code load.users} borrowers, each running one whole loan
 *       (submit, code from the dev outbox, verify, wait for APPROVED, offer, accept, sign on the
 *       local signer, wait for DISBURSED, polling every {@code load.poll-ms}), ramped up over {@code
 *       load.ramp} seconds, then held for {@code load.hold} seconds: loans per second in the held
 *       window is the throughput;
 *   <li><b>submissions</b>: new borrowers arriving at {@code load.rate} per second (ramped over
 *       {@code load.rate-ramp} s, then held for {@code load.rate-hold} s), each submitting and then
 *       reading its status twice, a second apart as {@code Retry-After} asks: the latency of the two
 *       requests every borrower starts with.
 * </ol>
 *
 * <p>Besides Gatling's own report, it writes {@code load.out} (JSON): each phase's held window and
 * every loan's completion time, from which the benchmark takes loans per second and slices the
 * profile.
 */
public class JourneySimulation extends Simulation {

    static final String BASE = System.getProperty("load.base-url", "http://127.0.0.1:8080");
    static final int USERS = Integer.getInteger("load.users", 32);
    static final int RAMP = Integer.getInteger("load.ramp", 20);
    static final int HOLD = Integer.getInteger("load.hold", 120);
    static final int POLL_MS = Integer.getInteger("load.poll-ms", 200);
    static final double RATE = Double.parseDouble(System.getProperty("load.rate", "30"));
    static final int RATE_RAMP = Integer.getInteger("load.rate-ramp", 15);
    static final int RATE_HOLD = Integer.getInteger("load.rate-hold", 120);
    static final Path OUT = Path.of(System.getProperty("load.out", "target/gatling/phases.json"));

    /** The longest a borrower waits for one automated stage before the loan counts as failed. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    static final Set<String> FINAL = Set.of("DECLINED", "REFERRED", "EXPIRED", "CANCELLED", "WITHDRAWN");
    static final String CODE = "(?<![0-9A-Za-z-])(\\d{6})(?![0-9A-Za-z-])";

    static final AtomicLong journeysStarted = new AtomicLong();
    static final AtomicLong submissionsStarted = new AtomicLong();
    static final ConcurrentLinkedQueue<Long> loansDone = new ConcurrentLinkedQueue<>();
    static final AtomicLong mobiles = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L));

    final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("application/json")
            .userAgentHeader("originate-load")
            .disableFollowRedirect()
            .shareConnections();

    /** A new borrower for every virtual user: unique mobile, valid resident ID, own idempotency key. */
    static Iterator<Map<String, Object>> borrowers() {
        return new Iterator<>() {
            public boolean hasNext() {
                return true;
            }

            public Map<String, Object> next() {
                var random = ThreadLocalRandom.current();
                String mobile = "13" + (5 + random.nextInt(5))
                        + String.format("%08d", mobiles.incrementAndGet() % 100_000_000L);
                String born = String.format("19%02d0612", 70 + random.nextInt(30));
                return Map.of(
                        "key", UUID.randomUUID().toString(),
                        "mobile", mobile,
                        "nationalId", nationalId(born, random.nextInt(100, 999)),
                        "amount", List.of("8000.00", "15000.00", "30000.00").get(random.nextInt(3)),
                        "term", random.nextBoolean() ? 12 : 24,
                        "device", UUID.randomUUID().toString().substring(0, 12),
                        "ip", "198.51.100." + (1 + random.nextInt(254)));
            }
        };
    }

    static String nationalId(String born, int sequence) {
        String body = "110105" + born + String.format("%03d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static final String APPLICATION =
            """
            {"productCode":"CONSUMER_INSTALLMENT","amount":"#{amount}","termMonths":#{term},"purpose":"HOME_IMPROVEMENT",
             "applicant":{"fullName":"李明","nationalId":"#{nationalId}","mobile":"#{mobile}","email":"borrower@example.com",
              "monthlyIncome":"20000.00","monthlyDebtPayments":"1500.00","employmentStatus":"EMPLOYED","employmentMonths":36,
              "residentialAddress":"上海市浦东新区世纪大道 100 号"},
             "consents":{"creditBureauQuery":true,"personalInformation":true,"electronicRecords":true},
             "device":{"deviceId":"#{device}","ipAddress":"#{ip}"}}""";

    static ChainBuilder submit(String name) {
        return exec(http(name)
                .post("/api/v1/applications")
                .header("Idempotency-Key", "#{key}")
                .header("Content-Type", "application/json")
                .body(StringBody(APPLICATION))
                .check(
                        status().is(201),
                        jmesPath("id").saveAs("id"),
                        jmesPath("accessToken").saveAs("token")));
    }

    static ChainBuilder readStatus(String name) {
        return exec(http(name)
                .get("/api/v1/applications/#{id}")
                .header("Authorization", "Bearer #{token}")
                .check(status().is(200), jmesPath("status").saveAs("status")));
    }

    /** Polls the status until it is one of {@code wanted}; a final status or a long wait fails the loan. */
    static ChainBuilder waitFor(String name, Set<String> wanted) {
        return exec(session -> session.set("status", "").set("since", System.nanoTime()))
                .asLongAs(session -> !wanted.contains(session.getString("status"))
                        && !FINAL.contains(session.getString("status"))
                        && !waitedTooLong(session))
                .on(pause(Duration.ofMillis(POLL_MS)).exec(readStatus(name)))
                .exec(session -> wanted.contains(session.getString("status")) ? session : session.markAsFailed())
                .exitHereIfFailed();
    }

    static boolean waitedTooLong(Session session) {
        return System.nanoTime() - session.getLong("since") > PATIENCE.toNanos();
    }

    static final ChainBuilder verifyPhone = exec(session ->
                    session.remove("code").set("since", System.nanoTime()))
            .asLongAs(session -> !session.contains("code") && !waitedTooLong(session))
            .on(pause(Duration.ofMillis(POLL_MS))
                    .exec(http("code from the dev outbox")
                            .get("/api/v1/dev/outbox")
                            .queryParam("mobile", "#{mobile}")
                            .check(status().is(200))
                            .check(regex(CODE).findAll().optional().saveAs("codes")))
                    .exec(session -> session.contains("codes")
                            ? session.set(
                                    "code",
                                    session.getList("codes")
                                            .get(session.getList("codes").size() - 1))
                            : session))
            .exec(session -> session.contains("code") ? session : session.markAsFailed())
            .exitHereIfFailed()
            .exec(http("verify code")
                    .post("/api/v1/applications/#{id}/otp/verify")
                    .header("Authorization", "Bearer #{token}")
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"code\":\"#{code}\"}"))
                    .check(status().is(204)));

    static final ChainBuilder acceptAndSign = exec(http("offer")
                    .get("/api/v1/applications/#{id}/offer")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jmesPath("disclosureHash").saveAs("hash")))
            .exec(http("accept")
                    .post("/api/v1/applications/#{id}/offer/accept")
                    .header("Authorization", "Bearer #{token}")
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"disclosureHash\":\"#{hash}\",\"acknowledged\":true}"))
                    .check(status().is(202), jmesPath("signingUrl").saveAs("signingUrl")))
            .exec(session -> {
                URI link = URI.create(BASE).resolve(session.getString("signingUrl"));
                String token = query(link, "t");
                return session.set("signPath", link.getRawPath().replaceAll("/+$", "") + "/sign")
                        .set("signToken", token);
            })
            .exec(http("sign")
                    .post("#{signPath}")
                    .queryParam("t", "#{signToken}")
                    .formParam("t", "#{signToken}")
                    .header("Accept", "text/html")
                    .check(status().in(200, 302, 303)));

    static String query(URI link, String name) {
        for (String pair : link.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(
                        pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    final ScenarioBuilder journeys = scenario("journeys")
            .feed(borrowers())
            .exec(session -> {
                journeysStarted.compareAndSet(0, System.currentTimeMillis());
                return session;
            })
            .group("loan")
            .on(exitBlockOnFail()
                    .on(submit("submit")
                            .exec(verifyPhone)
                            .exec(waitFor("status until approved", Set.of("APPROVED")))
                            .exec(acceptAndSign)
                            .exec(waitFor("status until disbursed", Set.of("DISBURSED")))
                            .exec(session -> {
                                loansDone.add(System.currentTimeMillis());
                                return session;
                            })));

    final ScenarioBuilder submissions = scenario("submissions")
            .feed(borrowers())
            .exec(session -> {
                submissionsStarted.compareAndSet(0, System.currentTimeMillis());
                return session;
            })
            .exec(submit("submit at rate"))
            .pause(Duration.ofSeconds(1))
            .exec(readStatus("status at rate"))
            .pause(Duration.ofSeconds(1))
            .exec(readStatus("status at rate"));

    {
        setUp(journeys.injectClosed(
                                rampConcurrentUsers(1).to(USERS).during(Duration.ofSeconds(RAMP)),
                                constantConcurrentUsers(USERS).during(Duration.ofSeconds(HOLD)))
                        .andThen(submissions.injectOpen(
                                rampUsersPerSec(1).to(RATE).during(Duration.ofSeconds(RATE_RAMP)),
                                constantUsersPerSec(RATE).during(Duration.ofSeconds(RATE_HOLD)))))
                .protocols(protocol);
    }

    @Override
    public void after() {
        long journeyHeld = journeysStarted.get() + RAMP * 1000L;
        long rateHeld = submissionsStarted.get() + RATE_RAMP * 1000L;
        String json = String.format(
                "{\"users\":%d,\"pollMs\":%d,\"rate\":%s,%n"
                        + " \"journeys\":{\"heldFrom\":%d,\"heldTo\":%d},%n"
                        + " \"submissions\":{\"heldFrom\":%d,\"heldTo\":%d},%n"
                        + " \"loansDone\":[%s]}%n",
                USERS,
                POLL_MS,
                RATE,
                journeyHeld,
                journeyHeld + HOLD * 1000L,
                rateHeld,
                rateHeld + RATE_HOLD * 1000L,
                loansDone.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        try {
            Files.createDirectories(OUT.toAbsolutePath().getParent());
            Files.writeString(OUT, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
