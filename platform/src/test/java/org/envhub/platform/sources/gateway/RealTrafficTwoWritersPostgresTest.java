package org.envhub.platform.sources.gateway;

import org.envhub.platform.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The real traffic with two writers, each storing the devices whose MN hashes to it. */
@EnabledIfEnvironmentVariable(named = "ENVHUB_TEST_PG_URL", matches = ".+")
@TestPropertySource(properties = "envhub.hj212.writers=2")
class RealTrafficTwoWritersPostgresTest extends RealTrafficTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Override
    long seed() {
        return 3;
    }
}
