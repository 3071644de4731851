package org.envhub.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The databases the tests run on: an in-memory H2 database per Spring context, or a fresh schema on the
 * PostgreSQL server named by ENVHUB_TEST_PG_URL (a random schema per Spring context, dropped when the JVM ends),
 * so neither runs nor test classes see each other's data.
 */
public final class TestDatabases {

    public static final String ADMIN_PASSWORD = "admin-test-password";

    private TestDatabases() {}

    public static String postgresUrl() {
        String url = System.getenv("ENVHUB_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    public static void h2(DynamicPropertyRegistry registry) {
        common(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    public static void postgres(DynamicPropertyRegistry registry) {
        common(registry);
        String schema = postgresSchema();
        String base = postgresUrl();
        registry.add("spring.datasource.url", () -> base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&reWriteBatchedInserts=true");
        registry.add("spring.datasource.username", TestDatabases::pgUser);
        registry.add("spring.datasource.password", TestDatabases::pgPassword);
        // Spring keeps every test context (and its pool) alive for the run; small pools keep the server's
        // connection limit (100 by default) out of reach however many contexts a run creates.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }

    private static void common(DynamicPropertyRegistry registry) {
        registry.add("envhub.demo-data", () -> "false");
        registry.add("envhub.admin-password", () -> ADMIN_PASSWORD);
        // The HJ 212 gateway on a free port, so test contexts never fight over 9212.
        registry.add("envhub.hj212-port", () -> "0");
        registry.add("envhub.data-dir", () -> System.getProperty("java.io.tmpdir") + "/envhub-test-" + ProcessHandle.current().pid());
    }

    public static String postgresUser() {
        return pgUser();
    }

    public static String postgresPassword() {
        return pgPassword();
    }

    static String pgUser() {
        String u = System.getenv("ENVHUB_TEST_PG_USER");
        return u == null || u.isBlank() ? "postgres" : u;
    }

    static String pgPassword() {
        String p = System.getenv("ENVHUB_TEST_PG_PASSWORD");
        return p == null ? "" : p;
    }

    /**
     * A fresh schema for each Spring context, as H2 gets a fresh database: test classes that share one
     * schema would see each other's fixtures and pass or fail by the order they run in.
     */
    static String postgresSchema() {
        String schema = "envhub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop schema " + schema + " cascade")));
        return schema;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(postgresUrl(), pgUser(), pgPassword()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgresUrl() + ": " + e.getMessage(), e);
        }
    }
}
