package org.envhub.platform.air;

import java.time.OffsetDateTime;

/**
 * A city's hour: the mean of its evaluation stations' values (control stations left out), and the AQI computed
 * from those means, not from the stations' AQIs (HJ 663). {@code stations} is how many stations reported.
 */
public record CityHour(String city, OffsetDateTime time, Double so2, Double no2, Double co, Double o3, Double pm10, Double pm25,
                       Integer aqi, Integer level, String category, String colour, String primary, String ruleSet, int stations) {
}
