package org.envhub.platform.sources.gateway;

import org.envhub.platform.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RealTrafficH2Test extends RealTrafficTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Override
    long seed() {
        return 1;
    }
}
