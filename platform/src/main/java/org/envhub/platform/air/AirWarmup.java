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
 * the command centre's month and year figures) are read on a background thread once it is up, and month and
 * year figures missing for stored days (an older database, data written directly) are computed.
 */
@Component
@Order(100)
class AirWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AirWarmup.class);

    private final LatestSnapshot snapshot;
    private final DailyResults daily;
    private final PeriodResults periods;

    AirWarmup(LatestSnapshot snapshot, DailyResults daily, PeriodResults periods) {
        this.snapshot = snapshot;
        this.daily = daily;
        this.periods = periods;
    }

    @Override
    public void run(ApplicationArguments args) {
        snapshot.refresh();
        Thread.ofPlatform().name("year-warmup").daemon().start(() -> {
            try {
                daily.warmLatestYear();
                periods.fillMissing();
            } catch (RuntimeException e) {
                log.warn("Start-up warm-up of the daily results and period figures stopped: {}", e.getMessage());
            }
        });
    }
}
