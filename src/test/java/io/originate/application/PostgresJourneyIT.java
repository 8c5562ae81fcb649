package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.notification.SandboxOutbox;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole loan on PostgreSQL with the production-shaped {@code postgres} profile, in a database
 * made for this run, which it alone drops when it is done (after closing the application, so that
 * nothing is cut off mid-statement); other databases on the server are never touched. It runs in its own JVM
 * (Failsafe): Camunda's REST layer finds its engine in a static registry, which two live
 * application contexts in one JVM would share. Needs PostgreSQL at 127.0.0.1:5432
 * (ORIGINATE_TEST_PG_URL overrides); without one it is skipped, unless
 * ORIGINATE_REQUIRE_POSTGRES=true (CI) makes that a failure.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // what a deployment gives from its environment (RequiredSettings refuses to start without)
            "originate.esign.connect.hmac-keys=postgres-it-connect-key",
            "camunda.bpm.admin-user.password=postgres-it-admin-secret",
            "originate.adapters.sandbox-allowed=credit-bureau,kyc,messages,payout,esign",
            "originate.adapters.credit-bureau=sandbox",
            "originate.adapters.kyc=sandbox",
            "originate.adapters.messages=outbox",
            "originate.adapters.payout=ledger",
            "originate.esign.provider=local",
            "originate.agreement.lender.name=测试贷款有限公司",
            "originate.agreement.lender.registration=91110000TEST000000",
            "originate.agreement.lender.address=北京市测试路 1 号"
        })
@ActiveProfiles("postgres")
class PostgresJourneyIT {

    static final String SERVER =
            System.getenv().getOrDefault("ORIGINATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("ORIGINATE_TEST_PG_USER", "postgres");
    static final String DATABASE =
            "originate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute("create database " + DATABASE);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("ORIGINATE_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("PostgreSQL is required but not reachable at " + SERVER, e);
            }
            Assumptions.abort("No PostgreSQL at " + SERVER + ": " + e.getMessage());
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    /**
     * Drops this run's database when the application closes, last: the data source depends on
     * this bean, so everything that uses the database has stopped before it goes.
     */
    @TestConfiguration
    static class DatabaseOfThisRun {

        @Bean
        static BeanFactoryPostProcessor dataSourceAfterTheDatabase() {
            return factory -> {
                BeanDefinition dataSource = factory.getBeanDefinition("dataSource");
                List<String> dependsOn = new ArrayList<>(
                        dataSource.getDependsOn() == null ? List.of() : List.of(dataSource.getDependsOn()));
                dependsOn.add("databaseOfThisRun");
                dataSource.setDependsOn(dependsOn.toArray(String[]::new));
            };
        }

        @Bean
        DisposableBean databaseOfThisRun() {
            return () -> {
                try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
                    c.createStatement().execute("drop database if exists " + DATABASE);
                }
            };
        }
    }

    @Autowired
    SandboxOutbox outbox;

    @Test
    void aLoanIsDisbursedOnPostgresAndTheSandboxConveniencesAreOff() {
        Api api = new Api(port);
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        assertThat(api.send("GET", "/api/v1/dev/outbox?mobile=" + a.mobile(), null)
                        .status())
                .isEqualTo(401);

        Pattern sixDigits = Pattern.compile("(\\d{6})");
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            for (SandboxOutbox.Message m : outbox.messagesTo(a.mobile())) {
                Matcher matcher = sixDigits.matcher(m.text());
                if (m.template().equals("otp") && matcher.find()) {
                    code = matcher.group(1);
                }
            }
            sleep();
        }
        assertThat(api.post(a, "/otp/verify", Map.of("code", code)).status()).isEqualTo(204);
        assertThat(api.waitForStatus(a, s -> s.matches("APPROVED|DECLINED|REFERRED"))
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        JsonNode offer = api.get(a, "/offer").json();
        Api.Response accepted = api.post(
                a,
                "/offer/accept",
                Map.of("disclosureHash", offer.path("disclosureHash").asText(), "acknowledged", true));
        String signingUrl = accepted.json().path("signingUrl").asText();
        String token = URI.create("http://x" + signingUrl).getQuery().substring(2);
        api.form("/esign/local/" + accepted.json().path("envelopeId").asText() + "/sign?t=" + token, "t=" + token);
        assertThat(api.waitForStatus(a, s -> s.matches("DISBURSED|CANCELLED|EXPIRED"))
                        .path("status")
                        .asText())
                .isEqualTo("DISBURSED");
        assertThat(api.staff("admin", "originate", "/engine-rest/task").status())
                .isEqualTo(401);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
