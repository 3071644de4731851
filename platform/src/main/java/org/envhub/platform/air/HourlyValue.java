package org.envhub.platform.air;

import java.time.LocalDateTime;

import org.envhub.standards.air.Pollutant;

/**
 * One hourly concentration (小时浓度) of one station, as stored: {@code hourEnd} is the UTC instant at which
 * the hour ends. {@code flag} is the data flag (数据标记), null for a plain valid value.
 */
public record HourlyValue(String stationCode, Pollutant pollutant, LocalDateTime hourEnd, double concentration, String flag) {
}
