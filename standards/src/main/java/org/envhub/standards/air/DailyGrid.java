package org.envhub.standards.air;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily statistics of several series (stations or cities) over consecutive natural days.
 * An invalid or missing statistic is {@code NaN}.
 */
public final class DailyGrid {

    private final LocalDate firstDay;
    private final int days;
    private final List<String> series;
    private final Map<String, Integer> index = new HashMap<>();
    /** [statistic][series][day] */
    private final double[][][] values;

    public DailyGrid(LocalDate firstDay, int days, List<String> series) {
        this.firstDay = firstDay;
        this.days = days;
        this.series = List.copyOf(series);
        this.values = new double[DailyStatistic.values().length][this.series.size()][days];
        for (double[][] bySeries : values) {
            for (double[] v : bySeries) {
                Arrays.fill(v, Double.NaN);
            }
        }
        for (int i = 0; i < this.series.size(); i++) {
            if (index.putIfAbsent(this.series.get(i), i) != null) {
                throw new IllegalArgumentException("series '" + this.series.get(i) + "' appears twice");
            }
        }
    }

    public LocalDate firstDay() { return firstDay; }

    public int days() { return days; }

    public LocalDate dayAt(int d) { return firstDay.plusDays(d); }

    public int indexOf(LocalDate day) { return (int) ChronoUnit.DAYS.between(firstDay, day); }

    public List<String> series() { return series; }

    public int seriesCount() { return series.size(); }

    public int seriesIndex(String name) { return index.getOrDefault(name, -1); }

    /** The live array of one statistic of one series. */
    public double[] values(DailyStatistic statistic, int seriesIndex) { return values[statistic.ordinal()][seriesIndex]; }

    public double value(DailyStatistic statistic, int seriesIndex, int day) { return values[statistic.ordinal()][seriesIndex][day]; }

    public void set(DailyStatistic statistic, int seriesIndex, int day, double value) { values[statistic.ordinal()][seriesIndex][day] = value; }

    /** An independent copy: same days and series, values copied. */
    public DailyGrid copy() {
        DailyGrid copy = new DailyGrid(firstDay, days, series);
        for (int st = 0; st < values.length; st++) {
            for (int s = 0; s < values[st].length; s++) {
                System.arraycopy(values[st][s], 0, copy.values[st][s], 0, days);
            }
        }
        return copy;
    }

    public DailyConcentrations concentrations(int seriesIndex, int day) {
        return new DailyConcentrations(
                value(DailyStatistic.SO2, seriesIndex, day), value(DailyStatistic.NO2, seriesIndex, day),
                value(DailyStatistic.CO, seriesIndex, day), value(DailyStatistic.PM10, seriesIndex, day),
                value(DailyStatistic.PM25, seriesIndex, day), value(DailyStatistic.O3_MAX_1H, seriesIndex, day),
                value(DailyStatistic.O3_MAX_8H, seriesIndex, day));
    }
}
