package org.envhub.standards.air;

/**
 * One station-hour (or city-hour): the 1h concentrations, plus the 24h moving means that HJ 633-2012
 * needs for its real-time AQI. A missing value is {@code NaN}.
 */
public record HourlyConcentrations(double so2, double no2, double co, double o3, double pm10, double pm25,
                                   double so2Moving24h, double pm10Moving24h, double pm25Moving24h) {

    /** Just the 1h values; enough for {@code cnemc} and {@code hj633-2026}. */
    public static HourlyConcentrations of(double so2, double no2, double co, double o3, double pm10, double pm25) {
        return new HourlyConcentrations(so2, no2, co, o3, pm10, pm25, Double.NaN, Double.NaN, Double.NaN);
    }
}
