package org.envhub.platform.air;

import java.time.OffsetDateTime;

/**
 * One station's latest hour (最新小时数据), as {@code GET /api/air/stations/latest} gives it. {@code time} is the
 * end of the hour in Beijing time; {@code level} is 1..6 (一级…六级), {@code category} its name (优…严重污染) and
 * {@code colour} the official colour. Concentrations in µg/m³, CO in mg/m³; null where missing.
 */
public record LatestStation(String code, String name, String city, String district, Double lon, Double lat,
                            OffsetDateTime time, Integer aqi, Integer level, String category, String colour,
                            String primary, Double so2, Double no2, Double co, Double o3, Double pm10, Double pm25,
                            String ruleSet, boolean control, Long districtId) {
}
