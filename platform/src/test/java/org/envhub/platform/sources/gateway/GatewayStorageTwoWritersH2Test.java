package org.envhub.platform.sources.gateway;

import org.envhub.platform.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The same with two writers, each storing the devices whose MN hashes to it. */
@TestPropertySource(properties = "envhub.hj212.writers=2")
class GatewayStorageTwoWritersH2Test extends GatewayStorageTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
