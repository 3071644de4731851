package org.envhub.platform.sources.gateway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.envhub.platform.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The crash test with the server writing to PostgreSQL (a fresh schema), killed and restarted the same way. */
@EnabledIfEnvironmentVariable(named = "ENVHUB_TEST_PG_URL", matches = ".+")
class CrashPostgresTest extends CrashTest {

    private String schema;

    private String url() {
        if (schema == null) {
            schema = TestDatabases.postgresSchema();
        }
        String base = TestDatabases.postgresUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected List<String> databaseArgs(Path dir) {
        return List.of("-Dspring.datasource.url=" + url() + "&reWriteBatchedInserts=true", "-Dspring.datasource.username=" + TestDatabases.pgUser(),
                "-Dspring.datasource.password=" + TestDatabases.pgPassword(), "-Dspring.flyway.schemas=" + schema,
                "-Dspring.flyway.default-schema=" + schema);
    }

    @Override
    protected Connection connect(Path dir) throws SQLException {
        return DriverManager.getConnection(url(), TestDatabases.pgUser(), TestDatabases.pgPassword());
    }
}
