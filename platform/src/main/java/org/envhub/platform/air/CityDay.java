package org.envhub.platform.air;

import java.time.LocalDate;

/**
 * A city's natural day: daily statistics (µg/m³, CO mg/m³; O3 as its daily max 1h and max 8h mean) and the daily
 * AQI under {@code ruleSet}.
 */
public record CityDay(String city, LocalDate day, Integer aqi, Integer level, String category, String colour, String primary,
                      Double so2, Double no2, Double co, Double pm10, Double pm25, Double o3Max1h, Double o3Max8h, String ruleSet) {
}
