package org.envhub.platform.air;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Builds the latest snapshot during start-up (after any demo load), so the first map request is as fast as the rest. */
@Component
@Order(100)
class LatestSnapshotWarmup implements ApplicationRunner {

    private final LatestSnapshot snapshot;

    LatestSnapshotWarmup(LatestSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public void run(ApplicationArguments args) {
        snapshot.refresh();
    }
}
