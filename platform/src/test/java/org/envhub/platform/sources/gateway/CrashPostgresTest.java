package org.envhub.platform.sources.gateway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.envhub.platform.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The crash test on PostgreSQL (two writers, COPY): the server in its own process on a fresh schema. */
@EnabledIfEnvironmentVariable(named = "ENVHUB_TEST_PG_URL", matches = ".+")
class CrashPostgresTest extends CrashTests {

    private final String schema = "envhub_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    Map<String, String> environment(Path dir) {
        execute("create schema if not exists " + schema);
        return Map.of("ENVHUB_DB_URL", url(), "ENVHUB_DB_USER", TestDatabases.pgUser(), "ENVHUB_DB_PASSWORD", TestDatabases.pgPassword(),
                "SPRING_FLYWAY_SCHEMAS", schema, "SPRING_FLYWAY_DEFAULT_SCHEMA", schema);
    }

    @Override
    Connection connect(Path dir) throws SQLException {
        return DriverManager.getConnection(url(), TestDatabases.pgUser(), TestDatabases.pgPassword());
    }

    @AfterEach
    void dropSchema() {
        execute("drop schema if exists " + schema + " cascade");
    }

    private String url() {
        String base = TestDatabases.postgresUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), TestDatabases.pgUser(), TestDatabases.pgPassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
