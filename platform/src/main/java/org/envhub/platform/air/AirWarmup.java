package org.envhub.platform.air;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up work that makes the first requests as fast as the rest: the latest snapshot (the map's call) is built
 * before the platform reports ready (after any demo load); the latest year's station days (rankings, reports,
 * the command centre's month and year figures) are read on a background thread once it is up.
 */
@Component
@Order(100)
class AirWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AirWarmup.class);

    private final LatestSnapshot snapshot;
    private final DailyResults daily;

    AirWarmup(LatestSnapshot snapshot, DailyResults daily) {
        this.snapshot = snapshot;
        this.daily = daily;
    }

    @Override
    public void run(ApplicationArguments args) {
        snapshot.refresh();
        Thread.ofPlatform().name("year-warmup").daemon().start(() -> {
            try {
                daily.warmLatestYear();
            } catch (RuntimeException e) {
                log.warn("Could not read the latest year's daily results ahead of time: {}", e.getMessage());
            }
        });
    }
}
