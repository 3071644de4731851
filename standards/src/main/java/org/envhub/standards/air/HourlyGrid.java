package org.envhub.standards.air;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly concentrations of several series (stations or cities) on one regular grid of hours.
 *
 * <p>Hours are labelled in local time by the hour that <em>ends</em> then, as the national files do:
 * index {@code h} is the hour ending at {@code firstHour + h}. A missing value is {@code NaN}. The
 * arrays are held by reference, so building and reading a grid copies nothing.
 */
public final class HourlyGrid {

    private final LocalDateTime firstHour;
    private final int hours;
    private final List<String> series;
    private final Map<String, Integer> index = new HashMap<>();
    /** [pollutant][series][hour] */
    private final double[][][] values;

    public HourlyGrid(LocalDateTime firstHour, int hours, List<String> series) {
        this(firstHour, hours, series, new double[Pollutant.values().length][series.size()][]);
        for (double[][] bySeries : values) {
            for (int s = 0; s < bySeries.length; s++) {
                bySeries[s] = new double[hours];
                Arrays.fill(bySeries[s], Double.NaN);
            }
        }
    }

    /** Wraps existing arrays, {@code values[pollutant.ordinal()][series][hour]}. */
    public HourlyGrid(LocalDateTime firstHour, int hours, List<String> series, double[][][] values) {
        if (firstHour.getMinute() != 0 || firstHour.getSecond() != 0 || firstHour.getNano() != 0) {
            throw new IllegalArgumentException("hours must be whole: " + firstHour);
        }
        this.firstHour = firstHour;
        this.hours = hours;
        this.series = List.copyOf(series);
        this.values = values;
        for (int i = 0; i < this.series.size(); i++) {
            if (index.putIfAbsent(this.series.get(i), i) != null) {
                throw new IllegalArgumentException("series '" + this.series.get(i) + "' appears twice");
            }
        }
    }

    /** The label (end) of the first hour. */
    public LocalDateTime firstHour() { return firstHour; }

    public int hours() { return hours; }

    public LocalDateTime hourAt(int h) { return firstHour.plusHours(h); }

    /**
     * The natural day of the grid's last hour (hours are labelled by their end, so 00:00 closes the day before). It
     * may be partial: a file set ending at 23:00 lacks the day's last hour.
     */
    public LocalDate lastNaturalDay() { return hourAt(hours - 1).minusHours(1).toLocalDate(); }

    /** Index of the hour labelled {@code hourEnd}; may be outside 0..hours-1. */
    public int indexOf(LocalDateTime hourEnd) { return (int) ChronoUnit.HOURS.between(firstHour, hourEnd); }

    /**
     * Index of the first hour of natural day {@code day}, i.e. of the hour labelled {@code day 01:00}.
     * The natural day holds that hour and the next 23 (up to {@code day+1 00:00}).
     */
    public int dayStart(LocalDate day) { return indexOf(day.atTime(1, 0)); }

    public List<String> series() { return series; }

    public int seriesCount() { return series.size(); }

    /** Index of a series, or -1. */
    public int seriesIndex(String name) { return index.getOrDefault(name, -1); }

    /** The live array of one pollutant of one series. */
    public double[] values(Pollutant pollutant, int seriesIndex) { return values[pollutant.ordinal()][seriesIndex]; }

    public double value(Pollutant pollutant, int seriesIndex, int hour) { return values[pollutant.ordinal()][seriesIndex][hour]; }

    public void set(Pollutant pollutant, int seriesIndex, int hour, double value) { values[pollutant.ordinal()][seriesIndex][hour] = value; }

    /** The concentrations of one series-hour, with no moving means. */
    public HourlyConcentrations concentrations(int seriesIndex, int hour) {
        return HourlyConcentrations.of(
                value(Pollutant.SO2, seriesIndex, hour), value(Pollutant.NO2, seriesIndex, hour),
                value(Pollutant.CO, seriesIndex, hour), value(Pollutant.O3, seriesIndex, hour),
                value(Pollutant.PM10, seriesIndex, hour), value(Pollutant.PM25, seriesIndex, hour));
    }
}
