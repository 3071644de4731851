package org.envhub.platform.sources.gateway;

import org.envhub.platform.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The real traffic with one writer on PostgreSQL (two by default there): answers in the order of the lines. */
@EnabledIfEnvironmentVariable(named = "ENVHUB_TEST_PG_URL", matches = ".+")
@TestPropertySource(properties = "envhub.hj212.writers=1")
class RealTrafficOneWriterPostgresTest extends RealTrafficTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Override
    long seed() {
        return 3;
    }
}
