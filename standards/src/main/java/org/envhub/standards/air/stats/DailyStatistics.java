package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.envhub.standards.air.AirQualityStandard;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;

/**
 * Daily statistics (日统计) of HJ 663 from hourly values: the daily means of SO2, NO2, CO, PM10 and
 * PM2.5, the O3 daily max 1h and the O3 daily max 8h (MDA8), each {@code NaN} unless valid under
 * {@link DailyOptions}.
 *
 * <p>The natural day D is the 24 hours labelled D 01:00 … D+1 00:00 (labels are hour ends). Hours
 * outside the hourly grid count as missing, so a day the grid covers only in part is computed, and is
 * usually invalid. Each day is judged by {@code options.rules().forDay(day)}, which picks its MDA8 rule;
 * the O3 limits of the exceedance exceptions come from the GB 3095 version in force on the day.
 *
 * <p>Works on the grid's arrays directly, one series per task, without allocating per hour.
 */
public final class DailyStatistics {

    private static final DailyStatistic[] MEANS = {DailyStatistic.SO2, DailyStatistic.NO2, DailyStatistic.CO,
            DailyStatistic.PM10, DailyStatistic.PM25};

    private DailyStatistics() {}

    /** The natural day an hour belongs to: the hour labelled D+1 00:00 closes day D. */
    public static LocalDate naturalDayOf(LocalDateTime hourEnd) {
        return hourEnd.minusHours(1).toLocalDate();
    }

    /** Every natural day the grid covers, even in part, for every series. */
    public static DailyGrid compute(HourlyGrid hourly, DailyOptions options) {
        if (hourly.hours() <= 0) {
            return new DailyGrid(naturalDayOf(hourly.firstHour()), 0, hourly.series());
        }
        LocalDate first = naturalDayOf(hourly.firstHour());
        LocalDate last = naturalDayOf(hourly.hourAt(hourly.hours() - 1));
        return compute(hourly, first, last, options);
    }

    /** The natural days {@code from} … {@code to} (inclusive) for every series; hours the grid lacks are missing. */
    public static DailyGrid compute(HourlyGrid hourly, LocalDate from, LocalDate to, DailyOptions options) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 0) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        DailyGrid daily = new DailyGrid(from, days, hourly.series());
        DayPlan plan = new DayPlan(hourly, daily, options);
        IntStream.range(0, hourly.seriesCount()).parallel().forEach(s -> fill(hourly, s, daily, s, plan, options));
        return daily;
    }

    /** One series, every natural day the grid covers. */
    public static DailyGrid compute(HourlyGrid hourly, String series, DailyOptions options) {
        int s = hourly.seriesIndex(series);
        if (s < 0) {
            throw new IllegalArgumentException("no series '" + series + "' in the hourly grid");
        }
        LocalDate first = naturalDayOf(hourly.firstHour());
        int days = hourly.hours() <= 0 ? 0
                : (int) ChronoUnit.DAYS.between(first, naturalDayOf(hourly.hourAt(hourly.hours() - 1))) + 1;
        DailyGrid daily = new DailyGrid(first, days, List.of(series));
        compute(hourly, s, daily, 0, options);
        return daily;
    }

    /** Fills series {@code intoSeries} of {@code into} (over its days) from series {@code series} of {@code hourly}. */
    public static void compute(HourlyGrid hourly, int series, DailyGrid into, int intoSeries, DailyOptions options) {
        fill(hourly, series, into, intoSeries, new DayPlan(hourly, into, options), options);
    }

    /**
     * The daily MDA8 only, for callers that build other daily statistics themselves (a city's MDA8 from
     * its hourly mean series). Writes {@code into}'s O3_MAX_8H for series {@code intoSeries}.
     */
    static void computeMda8(HourlyGrid hourly, int series, DailyGrid into, int intoSeries, DailyOptions options) {
        DayPlan plan = new DayPlan(hourly, into, options);
        double[] o3 = hourly.values(Pollutant.O3, series);
        double[] out = into.values(DailyStatistic.O3_MAX_8H, intoSeries);
        int minHours = options.minHoursPerEightHourMean();
        for (int d = 0; d < plan.start.length; d++) {
            out[d] = mda8(o3, plan.start[d], plan.firstEnd[d], plan.minWindows[d], minHours, plan.mda8KeepAbove[d]);
        }
    }

    private static void fill(HourlyGrid hourly, int s, DailyGrid daily, int t, DayPlan plan, DailyOptions options) {
        int days = plan.start.length;
        int minMean = options.minHoursPerDailyMean();
        for (DailyStatistic statistic : MEANS) {
            double[] in = hourly.values(statistic.pollutant(), s);
            double[] out = daily.values(statistic, t);
            for (int d = 0; d < days; d++) {
                out[d] = dailyMean(in, plan.start[d], minMean);
            }
        }
        double[] o3 = hourly.values(Pollutant.O3, s);
        double[] maxHour = daily.values(DailyStatistic.O3_MAX_1H, t);
        double[] max8h = daily.values(DailyStatistic.O3_MAX_8H, t);
        int minO3Hours = options.minHoursPerO3MaxHour();
        int minWindowHours = options.minHoursPerEightHourMean();
        for (int d = 0; d < days; d++) {
            int start = plan.start[d];
            maxHour[d] = o3MaxHour(o3, start, minO3Hours, plan.maxHourKeepAbove[d]);
            max8h[d] = mda8(o3, start, plan.firstEnd[d], plan.minWindows[d], minWindowHours, plan.mda8KeepAbove[d]);
        }
    }

    /**
     * Mean of the valid (non-NaN) hours among the 24 starting at index {@code dayStart}; NaN with fewer
     * than {@code minHours}. Indices outside the array count as missing.
     */
    public static double dailyMean(double[] hourly, int dayStart, int minHours) {
        int from = Math.max(0, dayStart);
        int to = Math.min(hourly.length, dayStart + 24);
        double sum = 0;
        int n = 0;
        for (int h = from; h < to; h++) {
            double v = hourly[h];
            if (v == v) {
                sum += v;
                n++;
            }
        }
        return n >= minHours ? sum / n : Double.NaN;
    }

    /**
     * The largest valid hour among the 24 starting at {@code dayStart}: valid with at least
     * {@code minHours} valid hours, or with fewer when the max is above {@code keepAbove} (pass
     * {@code +Infinity} for no such exception).
     */
    public static double o3MaxHour(double[] hourly, int dayStart, int minHours, double keepAbove) {
        int from = Math.max(0, dayStart);
        int to = Math.min(hourly.length, dayStart + 24);
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int h = from; h < to; h++) {
            double v = hourly[h];
            if (v == v) {
                n++;
                if (v > max) {
                    max = v;
                }
            }
        }
        return n > 0 && (n >= minHours || max > keepAbove) ? max : Double.NaN;
    }

    /**
     * The 8h moving mean of the window whose last hour has index {@code end} (hours end-7 … end): the
     * mean of its valid hours, NaN with fewer than {@code minHours}. Indices outside the array are missing.
     */
    public static double eightHourMean(double[] hourly, int end, int minHours) {
        int from = Math.max(0, end - 7);
        int to = Math.min(hourly.length, end + 1);
        double sum = 0;
        int n = 0;
        for (int h = from; h < to; h++) {
            double v = hourly[h];
            if (v == v) {
                sum += v;
                n++;
            }
        }
        return n >= minHours ? sum / n : Double.NaN;
    }

    /**
     * The MDA8 of the natural day whose first hour has index {@code dayStart}: the largest valid 8h mean
     * among the windows ending at offsets {@code rule.window().firstEndOffset()} … 23 of the day. Valid
     * with at least {@code rule.minValidWindows()} valid windows, or with fewer when the max is above
     * {@code keepAbove}.
     */
    public static double mda8(double[] hourly, int dayStart, Mda8Rule rule, int minHoursPerWindow, double keepAbove) {
        return mda8(hourly, dayStart, rule.window().firstEndOffset(), rule.minValidWindows(), minHoursPerWindow, keepAbove);
    }

    private static double mda8(double[] hourly, int dayStart, int firstEnd, int minWindows, int minHoursPerWindow, double keepAbove) {
        // One sliding sum over the day's windows instead of 8 additions per window. A running sum drifts
        // in its last bits, and 160.00000000000003 would wrongly pass the "> 160" exception, so the sum
        // only picks the best window; its mean is then summed afresh.
        int firstHour = dayStart + firstEnd - 7;
        int lastEnd = dayStart + 23;
        // Hours outside the array are missing: work on a copy padded with NaN only when the day leaves
        // the grid, so that the common case runs without bounds tests.
        double[] h = hourly;
        int offset = 0;
        if (firstHour < 0 || lastEnd >= hourly.length) {
            h = new double[lastEnd - firstHour + 1];
            for (int i = 0; i < h.length; i++) {
                int k = firstHour + i;
                h[i] = k >= 0 && k < hourly.length ? hourly[k] : Double.NaN;
            }
            offset = -firstHour;
        }
        int from = firstHour + offset;
        int to = lastEnd + offset;
        double sum = 0;
        int n = 0;
        for (int i = from; i < from + 7; i++) {
            double v = h[i];
            if (v == v) {
                sum += v;
                n++;
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestEnd = -1;
        int valid = 0;
        for (int e = from + 7; e <= to; e++) {
            double v = h[e];
            if (v == v) {
                sum += v;
                n++;
            }
            if (e - 8 >= from) {
                double w = h[e - 8];
                if (w == w) {
                    sum -= w;
                    n--;
                }
            }
            if (n >= minHoursPerWindow) {
                valid++;
                double mean = sum / n;
                if (mean > best) {
                    best = mean;
                    bestEnd = e;
                }
            }
        }
        if (valid == 0) {
            return Double.NaN;
        }
        double max = eightHourMean(h, bestEnd, minHoursPerWindow);
        return valid >= minWindows || max > keepAbove ? max : Double.NaN;
    }

    /** What each day of a daily grid needs, worked out once and shared by all series. */
    private static final class DayPlan {
        final int[] start;
        final int[] firstEnd;
        final int[] minWindows;
        final double[] mda8KeepAbove;
        final double[] maxHourKeepAbove;

        DayPlan(HourlyGrid hourly, DailyGrid daily, DailyOptions options) {
            int days = daily.days();
            start = new int[days];
            firstEnd = new int[days];
            minWindows = new int[days];
            mda8KeepAbove = new double[days];
            maxHourKeepAbove = new double[days];
            for (int d = 0; d < days; d++) {
                LocalDate day = daily.dayAt(d);
                AqiRuleSet rules = options.rules().forDay(day);
                Mda8Rule rule = options.mda8Rule(rules);
                AirQualityStandard standard = AirQualityStandard.inForceOn(day);
                start[d] = hourly.dayStart(day);
                firstEnd[d] = rule.window().firstEndOffset();
                minWindows[d] = rule.minValidWindows();
                mda8KeepAbove[d] = options.keepsExceedingMda8() ? standard.o3Max8hLimit() : Double.POSITIVE_INFINITY;
                maxHourKeepAbove[d] = options.keepsExceedingO3MaxHour() ? standard.hourlyLimit(Pollutant.O3) : Double.POSITIVE_INFINITY;
            }
        }
    }
}
