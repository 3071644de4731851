package org.envhub.standards.air;

import java.time.LocalDateTime;

/**
 * The moving values (滑动平均值) the national platform publishes with every hour, computed from one
 * station's hourly array. Index {@code h} of the array is the hour labelled {@code firstHour + h}, the
 * hour that <em>ends</em> then (as in {@link HourlyGrid}); a missing hour is NaN. The natural day
 * (自然日) D holds the hours labelled D 01:00 … D+1 00:00.
 *
 * <ul>
 *   <li>{@link #mean24h X_24h}: mean of the hours in the 24 hours ending at h, across midnight
 *       (PM2.5_24h, PM10_24h, SO2_24h, NO2_24h, CO_24h).</li>
 *   <li>{@link #o3Max24h O3_24h}: the largest O3 1h value in the 24 hours ending at h.</li>
 *   <li>{@link #o3Mean8h O3_8h}: mean of the hours in the 8 hours ending at h, but never reaching
 *       back before the start of the natural day: at 03:00 it is the mean of 01:00…03:00.</li>
 *   <li>{@link #o3Max8hOfDay O3_8h_24h}: the day's running maximum of O3_8h; at the day's last hour
 *       (labelled 00:00) it is the day's MDA8, the maximum of the full 8-hour windows ending 08:00…00:00.</li>
 * </ul>
 *
 * <p>Values come back unrounded; the platform publishes them rounded half to even
 * ({@link ConcentrationRounding}): integers, CO to one decimal.
 *
 * <h2>Missing hours: measured on the shipped CNEMC files</h2>
 *
 * The minimum number of valid hours a window needs is a parameter. On all 2,026 stations of
 * {@code data/cnemc-hourly} (2023-01-20…23, only hours whose whole window lies in the files) the
 * platform's columns are best reproduced with a minimum of <b>one</b> valid hour
 * ({@link #DEFAULT_MIN_VALID_HOURS}): it publishes a 24h mean from a single valid hour (48 of the 61
 * PM2.5 windows with one valid hour carry one), and an O3_8h at 01:00 from one hour. Any
 * GB 3095-style minimum (20 of 24, 6 of 8) loses more values than it saves; see
 * {@code MovingValuesConformanceTest}, which asserts the figures:
 *
 * <table>
 *   <caption>Share of published values reproduced exactly, minimum 1 valid hour</caption>
 *   <tr><th>column</th><th>reproduced</th></tr>
 *   <tr><td>PM2.5_24h</td><td>98.2%</td></tr>
 *   <tr><td>PM10_24h</td><td>97.3%</td></tr>
 *   <tr><td>SO2_24h</td><td>99.6%</td></tr>
 *   <tr><td>NO2_24h</td><td>99.4%</td></tr>
 *   <tr><td>CO_24h</td><td>97.5%</td></tr>
 *   <tr><td>O3_24h</td><td>99.4%</td></tr>
 *   <tr><td>O3_8h</td><td>99.6%</td></tr>
 *   <tr><td>O3_8h_24h</td><td>99.3%</td></tr>
 * </table>
 *
 * What explains the rest, as measured:
 * <ul>
 *   <li><b>Hours the platform had but did not publish.</b> Windows with all 24 hours published are
 *       reproduced almost always (PM2.5_24h 108,954 of 108,983; PM10_24h 108,148 of 108,217;
 *       SO2_24h 113,289 of 113,307; NO2_24h 112,580 of 112,597); the misses sit in windows with
 *       a missing hour, a whole run of consecutive windows at a time, and the published value
 *       implies a plausible concentration for the hour shown as missing. The platform averages
 *       hours it withheld (or corrected) in the public 1h column. It shows most for PM10: when PM10
 *       alone is missing in an hour whose PM2.5 and gases are published (a value withheld, not an
 *       outage), 42% of the windows over that hour miss, against 2% when both PM are missing.</li>
 *   <li><b>Unrounded concentrations.</b> Integer means that fall exactly on .5 are rounded half to
 *       even in 18,375 of 18,376 full windows (half up would miss half of them), so the platform
 *       rounds per GB/T 8170. CO's ties, though, go either way (about 2,500 of 4,700 even): the
 *       platform averages CO at more decimals than the one it publishes, which no rule on the
 *       published values can recover. This is most of CO_24h's misses.</li>
 *   <li><b>Station-hours not published at all.</b> When a station publishes no pollutant in an hour,
 *       the platform sometimes publishes no moving value either (a few stations stop at once when
 *       they fall silent, most carry on), while the earlier hours still yield one here: about 345
 *       station-hours per column (650 for CO). No minimum of valid hours explains them: measured only at
 *       station-hours with something published, a minimum of one disagrees least for every column.</li>
 *   <li><b>The end of the natural day.</b> At 00:00 the published O3_8h_24h drops the partial
 *       windows of 01:00…07:00 and becomes the MDA8 of HJ 663 (5,009 of 5,036 day ends, against
 *       4,315 for a plain running maximum); the plain running maximum would reproduce 98.9% of the
 *       column instead of 99.3%.</li>
 * </ul>
 */
public final class MovingValues {

    /** The minimum number of valid hours per window that best reproduces the platform: one. */
    public static final int DEFAULT_MIN_VALID_HOURS = 1;

    private MovingValues() {}

    /** X_24h with the default minimum of valid hours. */
    public static double[] mean24h(double[] hourly) {
        return mean24h(hourly, DEFAULT_MIN_VALID_HOURS);
    }

    /**
     * X_24h: at each hour, the mean of the valid values of the 24 hours ending then, NaN if fewer than
     * {@code minValid} are valid. Hours before the start of the array count as missing.
     */
    public static double[] mean24h(double[] hourly, int minValid) {
        checkMinimum(minValid, 24);
        double[] out = new double[hourly.length];
        for (int h = 0; h < hourly.length; h++) {
            out[h] = mean(hourly, Math.max(0, h - 23), h, minValid);
        }
        return out;
    }

    /** O3_24h with the default minimum of valid hours. */
    public static double[] o3Max24h(double[] o3) {
        return o3Max24h(o3, DEFAULT_MIN_VALID_HOURS);
    }

    /** O3_24h: the largest valid O3 1h value of the 24 hours ending at each hour. */
    public static double[] o3Max24h(double[] o3, int minValid) {
        checkMinimum(minValid, 24);
        double[] out = new double[o3.length];
        for (int h = 0; h < o3.length; h++) {
            double max = Double.NEGATIVE_INFINITY;
            int valid = 0;
            for (int i = Math.max(0, h - 23); i <= h; i++) {
                double v = o3[i];
                if (!Double.isNaN(v)) {
                    valid++;
                    max = Math.max(max, v);
                }
            }
            out[h] = valid >= minValid ? max : Double.NaN;
        }
        return out;
    }

    /** O3_8h with the default minimum of valid hours. */
    public static double[] o3Mean8h(double[] o3, LocalDateTime firstHour) {
        return o3Mean8h(o3, firstHour, DEFAULT_MIN_VALID_HOURS);
    }

    /**
     * O3_8h: the mean of the valid values of the 8 hours ending at each hour, cut at the start of the
     * natural day (at the hour labelled 03:00 it covers 01:00…03:00), NaN if fewer than
     * {@code minValid} are valid.
     *
     * @param firstHour the label of index 0 (the end of the first hour)
     */
    public static double[] o3Mean8h(double[] o3, LocalDateTime firstHour, int minValid) {
        checkMinimum(minValid, 8);
        int firstIntoDay = hoursIntoDay(firstHour);
        double[] out = new double[o3.length];
        for (int h = 0; h < o3.length; h++) {
            int intoDay = (firstIntoDay + h) % 24;
            out[h] = mean(o3, Math.max(0, h - Math.min(7, intoDay)), h, minValid);
        }
        return out;
    }

    /** O3_8h_24h with the default minimum of valid hours. */
    public static double[] o3Max8hOfDay(double[] o3, LocalDateTime firstHour) {
        return o3Max8hOfDay(o3, firstHour, DEFAULT_MIN_VALID_HOURS);
    }

    /**
     * O3_8h_24h: the largest {@link #o3Mean8h O3_8h} since the start of the natural day. At the day's
     * last hour (labelled 00:00) the platform publishes the day's MDA8 instead, the largest mean of
     * the full 8-hour windows ending 08:00…00:00, without the shorter windows of 01:00…07:00
     * (measured on the shipped files: 5,009 of 5,036 day ends, against 4,315 for the plain running
     * maximum).
     */
    public static double[] o3Max8hOfDay(double[] o3, LocalDateTime firstHour, int minValid) {
        double[] eight = o3Mean8h(o3, firstHour, minValid);
        int firstIntoDay = hoursIntoDay(firstHour);
        double[] out = new double[o3.length];
        double runningAll = Double.NaN;
        double runningFull = Double.NaN;
        for (int h = 0; h < o3.length; h++) {
            int intoDay = (firstIntoDay + h) % 24;
            if (intoDay == 0) {
                runningAll = Double.NaN;
                runningFull = Double.NaN;
            }
            runningAll = max(runningAll, eight[h]);
            if (intoDay >= 7) {
                runningFull = max(runningFull, eight[h]);
            }
            out[h] = intoDay == 23 ? runningFull : runningAll;
        }
        return out;
    }

    /** Hours since the start of the natural day: 0 for the hour labelled 01:00, 23 for 00:00. */
    static int hoursIntoDay(LocalDateTime hourEnd) {
        return (hourEnd.getHour() + 23) % 24;
    }

    private static double max(double running, double v) {
        if (Double.isNaN(v)) {
            return running;
        }
        return Double.isNaN(running) || v > running ? v : running;
    }

    private static double mean(double[] values, int from, int to, int minValid) {
        double sum = 0;
        int valid = 0;
        for (int i = from; i <= to; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                sum += v;
                valid++;
            }
        }
        return valid >= minValid && valid > 0 ? sum / valid : Double.NaN;
    }

    private static void checkMinimum(int minValid, int window) {
        if (minValid < 1 || minValid > window) {
            throw new IllegalArgumentException("minimum valid hours must be 1.." + window + ": " + minValid);
        }
    }
}
