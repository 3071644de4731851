package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;

/** Small grids for the tests. */
final class Grids {

    private Grids() {}

    /** An hourly grid whose first hour is labelled {@code day 01:00} (the first hour of natural day {@code day}). */
    static HourlyGrid hourlyFrom(LocalDate day, int days, String... series) {
        return new HourlyGrid(day.atTime(1, 0), 24 * days, List.of(series));
    }

    /** Sets hours {@code from} … {@code to} (labels, inclusive) of one series and pollutant to {@code value}. */
    static void fill(HourlyGrid grid, String series, Pollutant p, LocalDateTime from, LocalDateTime to, double value) {
        int s = grid.seriesIndex(series);
        for (int h = grid.indexOf(from); h <= grid.indexOf(to); h++) {
            grid.set(p, s, h, value);
        }
    }

    /** Every hour of every pollutant of a series set to the values given (SO2, NO2, CO, O3, PM10, PM2.5). */
    static void constant(HourlyGrid grid, String series, double so2, double no2, double co, double o3, double pm10, double pm25) {
        int s = grid.seriesIndex(series);
        double[] v = {so2, no2, co, o3, pm10, pm25};
        for (Pollutant p : Pollutant.values()) {
            java.util.Arrays.fill(grid.values(p, s), v[p.ordinal()]);
        }
    }

    /** Every day of one daily statistic of a series set to {@code value}. */
    static void constant(DailyGrid grid, int series, DailyStatistic statistic, double value) {
        java.util.Arrays.fill(grid.values(statistic, series), value);
    }

    /** All seven daily statistics of one series-day. */
    static void day(DailyGrid grid, int series, int day, double so2, double no2, double co, double pm10, double pm25,
                    double o3MaxHour, double o3Max8h) {
        grid.set(DailyStatistic.SO2, series, day, so2);
        grid.set(DailyStatistic.NO2, series, day, no2);
        grid.set(DailyStatistic.CO, series, day, co);
        grid.set(DailyStatistic.PM10, series, day, pm10);
        grid.set(DailyStatistic.PM25, series, day, pm25);
        grid.set(DailyStatistic.O3_MAX_1H, series, day, o3MaxHour);
        grid.set(DailyStatistic.O3_MAX_8H, series, day, o3Max8h);
    }
}
