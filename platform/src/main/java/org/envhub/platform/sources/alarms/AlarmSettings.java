package org.envhub.platform.sources.alarms;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code envhub.hj212.alarms.*} settings. The last four are the defaults of the data checks, which a
 * monitoring point can override factor by factor ({@link FactorChecks}).
 *
 * @param stuckCount       identical real-time values in a row that make a stuck-value alarm
 * @param dataInterval     how often a device is expected to send data
 * @param missingIntervals intervals without data that make a missing-data alarm (and a device offline)
 * @param checkEvery       how often devices are checked for missing data
 * @param jumpRatio        a running value at least this many times the previous one of the same data kind, or at
 *                         most its 1/ratio, is a sudden jump (突变); 0 turns the default off
 * @param jumpStep         a change of at least this much is a jump, whatever the factor's unit; unset by default
 *                         (a step only makes sense for one factor, so set it per point)
 * @param zeroCheck        a zero or negative value while running raises an alarm
 * @param zeroCheckSkip    factors (2017 codes) where zero or below is normal: temperatures and pressures
 * @param stuckCheckSkip   factors (2017 codes) whose real-time value legitimately stays the same: batch analysers
 *                         that measure every hour or two (COD, NH3-N, TP, TN, CODMn) and the duct's cross-section
 */
@ConfigurationProperties("envhub.hj212.alarms")
public record AlarmSettings(@DefaultValue("10") int stuckCount, @DefaultValue("1m") Duration dataInterval,
                            @DefaultValue("10") int missingIntervals, @DefaultValue("1m") Duration checkEvery,
                            @DefaultValue("10") double jumpRatio, Double jumpStep, @DefaultValue("true") boolean zeroCheck,
                            @DefaultValue({"a01001", "a01012", "a01013", "a01015", "a01017"}) List<String> zeroCheckSkip,
                            @DefaultValue({"w01018", "w21003", "w21011", "w21001", "w01019", "a01016"}) List<String> stuckCheckSkip) {

    public AlarmSettings {
        if (stuckCount < 2 || missingIntervals < 1 || dataInterval.isNegative() || dataInterval.isZero() || checkEvery.isZero()) {
            throw new IllegalArgumentException("envhub.hj212.alarms: stuck-count >= 2, missing-intervals >= 1, data-interval and check-every > 0");
        }
        if (jumpRatio != 0 && !(jumpRatio > 1)) {
            throw new IllegalArgumentException("envhub.hj212.alarms.jump-ratio: above 1, or 0 for off; got " + jumpRatio);
        }
        if (jumpStep != null && !(jumpStep > 0)) {
            throw new IllegalArgumentException("envhub.hj212.alarms.jump-step: positive, or unset; got " + jumpStep);
        }
        zeroCheckSkip = zeroCheckSkip == null ? List.of() : List.copyOf(zeroCheckSkip);
        stuckCheckSkip = stuckCheckSkip == null ? List.of() : List.copyOf(stuckCheckSkip);
    }

    public Duration missingAfter() {
        return dataInterval.multipliedBy(missingIntervals);
    }
}
