package org.envhub.standards.io;

import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.HourlyConcentrations;
import java.time.LocalDateTime;

/**
 * One station-hour as the national real-time platform published it (全国城市空气质量实时发布平台):
 * the 1h concentrations, the moving values, and the official AQI and primary pollutant (首要污染物).
 * Missing numbers are NaN, a missing AQI is {@link AqiResult#MISSING}, no primary pollutant is "".
 *
 * @param hour             the label of the hour (its end), local time
 * @param primaryPollutant as published, e.g. {@code 颗粒物(PM10),臭氧1小时}
 * @param o3               the O3 1h value
 * @param o3Max24h         the O3 1h maximum of the last 24 hours ({@code o3_24h})
 */
public record PublishedHour(LocalDateTime hour, String station, double longitude, double latitude, String area,
                            String positionName, String primaryPollutant, int aqi,
                            double pm10, double pm10Moving24h, double pm25, double pm25Moving24h,
                            double o3, double o3Max24h, double o3Moving8h, double o3Max8h24h,
                            double no2, double no2Moving24h, double so2, double so2Moving24h,
                            double co, double coMoving24h) {

    /** The values an hourly AQI is computed from. */
    public HourlyConcentrations concentrations() {
        return new HourlyConcentrations(so2, no2, co, o3, pm10, pm25, so2Moving24h, pm10Moving24h, pm25Moving24h);
    }
}
