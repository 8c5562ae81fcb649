package io.originate.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the test suite on PostgreSQL instead of H2 when {@code originate.test.database=postgres}
 * (the {@code postgres} Maven profile: {@code ./mvnw verify -Ppostgres}): every test application
 * context gets a database of its own on the server of {@code ORIGINATE_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code ORIGINATE_TEST_PG_USER}, default
 * postgres), dropped when the context closes; no other database on the server is touched.
 */
public final class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVER =
            System.getenv().getOrDefault("ORIGINATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("ORIGINATE_TEST_PG_USER", "postgres");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"postgres".equals(System.getProperty("originate.test.database"))
                || context.getEnvironment()
                        .getProperty("spring.datasource.url", "")
                        .startsWith("jdbc:postgresql")) {
            return; // H2, or a test that brings its own PostgreSQL database
        }
        String database = "originate_suite_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + database);
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "originate-test-postgres",
                        Map.of(
                                "spring.datasource.url",
                                SERVER + database,
                                "spring.datasource.username",
                                USER,
                                "spring.datasource.password",
                                "")));
        // registered before every other bean, so destroyed after all of them (the pool closed first)
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean(
                        "originateTestDatabaseDrop",
                        () -> execute("drop database if exists " + database + " with (force)"));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + ": " + sql, e);
        }
    }
}
