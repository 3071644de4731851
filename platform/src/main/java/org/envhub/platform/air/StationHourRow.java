package org.envhub.platform.air;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One hour of one station: the six concentrations, the moving values the national platform publishes with them
 * (PM2.5 and PM10 24-hour means, the O3 8-hour mean cut at the start of the natural day), the hourly AQI under
 * the rules in force (with its rule set), and the data flags where a value carries one. {@code time} is the end
 * of the hour, Beijing time.
 */
public record StationHourRow(OffsetDateTime time, Double so2, Double no2, Double co, Double o3, Double pm10, Double pm25,
                             Double pm25Mean24h, Double pm10Mean24h, Double o3Mean8h,
                             Integer aqi, Integer level, String category, String primary, String ruleSet,
                             Map<String, String> flags) {
}
