package org.envhub.standards.air;

/**
 * The daily statistics that the daily AQI is computed from: the five daily means, the O3 daily max 1h
 * and the O3 daily max 8h (MDA8). A missing or invalid statistic is {@code NaN}.
 */
public record DailyConcentrations(double so2, double no2, double co, double pm10, double pm25,
                                  double o3MaxHour, double o3Max8h) {
}
