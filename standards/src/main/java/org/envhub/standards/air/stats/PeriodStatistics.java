package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.Pollutant;

/**
 * The statistics of one series over one {@link Period} (月/季/年评价): the means of the valid daily
 * means, the HJ 663 percentiles of the daily values, the largest O3 daily max 1h, and for each daily
 * statistic how many valid days there were and whether that is enough ({@link Completeness}).
 *
 * <p>Values are kept at full precision; an incomplete statistic still carries its value, so that a
 * report can show it with a flag. Days of the period outside the daily grid count as missing.
 */
public final class PeriodStatistics {

    private static final DailyStatistic[] DAILY = DailyStatistic.values();
    private static final PeriodStatistic[] STATISTICS = PeriodStatistic.values();

    private final String series;
    private final Period period;
    private final double[] values;
    private final Completeness[] completeness;

    private PeriodStatistics(String series, Period period, double[] values, Completeness[] completeness) {
        this.series = series;
        this.period = period;
        this.values = values;
        this.completeness = completeness;
    }

    public static PeriodStatistics compute(DailyGrid daily, int series, LocalDate from, LocalDate to, PeriodOptions options) {
        return compute(daily, series, new Period(from, to), options);
    }

    public static PeriodStatistics compute(DailyGrid daily, int series, Period period, PeriodOptions options) {
        List<YearMonth> months = period.months();
        // Grid indices of each month's part of the period, clipped to the grid.
        int[] monthFrom = new int[months.size()];
        int[] monthTo = new int[months.size()];
        for (int m = 0; m < months.size(); m++) {
            LocalDate a = max(period.from(), months.get(m).atDay(1));
            LocalDate b = min(period.to(), months.get(m).atEndOfMonth());
            monthFrom[m] = Math.max(0, daily.indexOf(a));
            monthTo[m] = Math.min(daily.days() - 1, daily.indexOf(b));
        }
        double[] values = new double[STATISTICS.length];
        Arrays.fill(values, Double.NaN);
        Completeness[] completeness = new Completeness[DAILY.length];
        double[] scratch = new double[period.days()];
        int[] perMonth = new int[months.size()];
        for (DailyStatistic statistic : DAILY) {
            double[] in = daily.values(statistic, series);
            int n = 0;
            for (int m = 0; m < months.size(); m++) {
                int before = n;
                for (int d = monthFrom[m]; d <= monthTo[m]; d++) {
                    double v = in[d];
                    if (v == v) {
                        scratch[n++] = v;
                    }
                }
                perMonth[m] = n - before;
            }
            completeness[statistic.ordinal()] = judge(period, months, perMonth, n, options);
            summarise(statistic, scratch, n, values);
        }
        return new PeriodStatistics(daily.series().get(series), period, values, completeness);
    }

    private static void summarise(DailyStatistic statistic, double[] scratch, int n, double[] values) {
        if (n == 0) {
            return;
        }
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            sum += scratch[i];
            max = Math.max(max, scratch[i]);
        }
        boolean sorted = false;
        for (PeriodStatistic s : STATISTICS) {
            if (s.daily() != statistic) {
                continue;
            }
            switch (s.kind()) {
                case MEAN -> values[s.ordinal()] = sum / n;
                case MAX -> values[s.ordinal()] = max;
                case PERCENTILE -> {
                    if (!sorted) {
                        Arrays.sort(scratch, 0, n);
                        sorted = true;
                    }
                    values[s.ordinal()] = Percentile.ofSorted(scratch, n, s.percentile());
                }
            }
        }
    }

    static Completeness judge(Period period, List<YearMonth> months, int[] perMonth, int total, PeriodOptions options) {
        StringJoiner shortfall = new StringJoiner("; ");
        if (total == 0) {
            shortfall.add("no valid day");
        }
        Period.Kind kind = period.kind();
        if (kind == Period.Kind.YEAR && total < options.annualMinimumDays()) {
            shortfall.add("year: " + total + " < " + options.annualMinimumDays());
        }
        boolean monthsCount = switch (kind) {
            case YEAR -> true;
            case MONTH -> options.monthOwnMinimum();
            case OTHER -> options.monthMinimumInOtherPeriods();
        };
        if (monthsCount) {
            for (int m = 0; m < months.size(); m++) {
                YearMonth month = months.get(m);
                int minimum = options.monthMinimum(month);
                if (period.isWholeMonth(month) && perMonth[m] < minimum) {
                    shortfall.add(month + ": " + perMonth[m] + " < " + minimum);
                }
            }
        }
        String why = shortfall.toString();
        return new Completeness(total, why.isEmpty(), why);
    }

    private static LocalDate max(LocalDate a, LocalDate b) { return a.isAfter(b) ? a : b; }

    private static LocalDate min(LocalDate a, LocalDate b) { return a.isBefore(b) ? a : b; }

    public String series() { return series; }

    public Period period() { return period; }

    /** The statistic at full precision, NaN without any valid day. */
    public double value(PeriodStatistic statistic) { return values[statistic.ordinal()]; }

    /** The period mean of SO2, NO2, CO, PM10 or PM2.5. */
    public double mean(Pollutant pollutant) { return value(PeriodStatistic.meanOf(pollutant)); }

    /** The assessed percentile of a pollutant: SO2/NO2 P98, CO/PM P95, O3 MDA8 P90. */
    public double percentile(Pollutant pollutant) { return value(PeriodStatistic.percentileOf(pollutant)); }

    public Completeness completeness(DailyStatistic statistic) { return completeness[statistic.ordinal()]; }

    public int validDays(DailyStatistic statistic) { return completeness(statistic).validDays(); }

    public boolean isComplete(DailyStatistic statistic) { return completeness(statistic).complete(); }

    public boolean isComplete(PeriodStatistic statistic) { return isComplete(statistic.daily()); }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(series).append(' ').append(period);
        for (PeriodStatistic s : STATISTICS) {
            b.append(' ').append(s.column()).append('=').append(value(s)).append(isComplete(s) ? "" : "*");
        }
        return b.toString();
    }
}
