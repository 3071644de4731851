package org.envhub.standards.air;

import java.time.LocalDate;

/**
 * The class-2 concentration limits of GB 3095 (环境空气质量标准) by version. Each day is judged by the
 * version in force on it: GB 3095-2012 (with its 2018 amendment) until 2026-02-28, GB 3095-2026's
 * transition limits until 2030-12-31, and its final limits from 2031-01-01.
 *
 * <p>The rulebook gives no final 2026 limits for CO, O3 8h or O3 1h; those keep the transition values.
 */
public enum AirQualityStandard {
    GB3095_2012("GB 3095-2012", LocalDate.of(2016, 1, 1), LocalDate.of(2026, 2, 28),
            limits(60, 40, Double.NaN, Double.NaN, 70, 35),
            limits(150, 80, 4, Double.NaN, 150, 75),
            limits(500, 200, 10, 200, Double.NaN, Double.NaN), 160),
    GB3095_2026_TRANSITION("GB 3095-2026 (transition)", LocalDate.of(2026, 3, 1), LocalDate.of(2030, 12, 31),
            limits(60, 40, Double.NaN, Double.NaN, 60, 30),
            limits(150, 80, 4, Double.NaN, 120, 60),
            limits(500, 200, 10, 200, Double.NaN, Double.NaN), 160),
    GB3095_2026_FINAL("GB 3095-2026 (final)", LocalDate.of(2031, 1, 1), LocalDate.MAX,
            limits(20, 30, Double.NaN, Double.NaN, 50, 25),
            limits(50, 50, 4, Double.NaN, 100, 50),
            limits(500, 200, 10, 200, Double.NaN, Double.NaN), 160);

    private final String title;
    private final LocalDate inForceFrom;
    private final LocalDate inForceUntil;
    private final double[] annual;
    private final double[] daily;
    private final double[] hourly;
    private final double o3Eight;

    AirQualityStandard(String title, LocalDate from, LocalDate until, double[] annual, double[] daily, double[] hourly, double o3Eight) {
        this.title = title;
        this.inForceFrom = from;
        this.inForceUntil = until;
        this.annual = annual;
        this.daily = daily;
        this.hourly = hourly;
        this.o3Eight = o3Eight;
    }

    private static double[] limits(double so2, double no2, double co, double o3, double pm10, double pm25) {
        return new double[] {so2, no2, co, o3, pm10, pm25};
    }

    public static AirQualityStandard inForceOn(LocalDate day) {
        for (AirQualityStandard s : values()) {
            if (!day.isAfter(s.inForceUntil)) {
                return s;
            }
        }
        return GB3095_2026_FINAL;
    }

    public String title() { return title; }

    public LocalDate inForceFrom() { return inForceFrom; }

    public LocalDate inForceUntil() { return inForceUntil; }

    /** Class-2 annual mean limit, NaN where the standard has none (CO, O3). */
    public double annualLimit(Pollutant p) { return annual[p.ordinal()]; }

    /** Class-2 24h mean limit, NaN for O3. */
    public double dailyLimit(Pollutant p) { return daily[p.ordinal()]; }

    /** Class-2 1h limit, NaN for the particulates. */
    public double hourlyLimit(Pollutant p) { return hourly[p.ordinal()]; }

    /** Class-2 O3 daily max 8h limit. */
    public double o3Max8hLimit() { return o3Eight; }
}
