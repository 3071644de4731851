package org.envhub.platform.sources.gateway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The crash test on the embedded H2 database in the server's data directory. */
class CrashH2Test extends CrashTests {

    @Override
    Map<String, String> environment(Path dir) {
        return Map.of();
    }

    @Override
    Connection connect(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath() + "/envhub", "sa", "");
    }
}
