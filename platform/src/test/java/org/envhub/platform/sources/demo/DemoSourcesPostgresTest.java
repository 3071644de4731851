package org.envhub.platform.sources.demo;

import org.envhub.platform.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIfEnvironmentVariable(named = "ENVHUB_TEST_PG_URL", matches = ".+")
class DemoSourcesPostgresTest extends DemoSourcesTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
