package org.envhub.platform.sources.alarms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code envhub.hj212.alarms.*} settings.
 *
 * @param stuckCount      identical real-time values in a row that make a stuck-value alarm
 * @param dataInterval    how often a device is expected to send data
 * @param missingIntervals intervals without data that make a missing-data alarm
 * @param checkEvery      how often devices are checked for missing data
 */
@ConfigurationProperties("envhub.hj212.alarms")
public record AlarmSettings(@DefaultValue("10") int stuckCount, @DefaultValue("1m") Duration dataInterval,
                            @DefaultValue("10") int missingIntervals, @DefaultValue("1m") Duration checkEvery) {

    public AlarmSettings {
        if (stuckCount < 2 || missingIntervals < 1 || dataInterval.isNegative() || dataInterval.isZero() || checkEvery.isZero()) {
            throw new IllegalArgumentException("envhub.hj212.alarms: stuck-count >= 2, missing-intervals >= 1, data-interval and check-every > 0");
        }
    }

    public Duration missingAfter() {
        return dataInterval.multipliedBy(missingIntervals);
    }
}
