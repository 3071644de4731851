package org.envhub.standards.air.stats;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;

/**
 * Dust exclusion (扣沙), after the 2016 notice in force from 2017-01-01: for assessment and ranking, the
 * PM10 and PM2.5 values of dust-affected days are left out. The dust periods come from outside
 * (meteorological and bureau notices); the user names them. Off unless periods are given.
 *
 * <p>The notice's algorithm is [OPEN]; envhub's reading, at day resolution:
 * <ul>
 *   <li>the daily PM10 and PM2.5 values of a dust day become missing in the grid that the period
 *       statistics, attainment and the composite index are computed from; the gases and O3 stay;</li>
 *   <li>a period naming a city covers that city's series and its stations; a period naming a station
 *       covers that station only (city values are formed from the city's own grid, so to exclude a
 *       city, name the city);</li>
 *   <li>{@link Scope#STATISTICS} (default): the daily AQI, and with it the good-day ratio and heavy
 *       days, is left as measured; {@link Scope#STATISTICS_AND_DAILY_AQI}: dust days are rated
 *       without PM10 and PM2.5 too.</li>
 * </ul>
 */
public final class DustExclusion {

    public enum Scope { STATISTICS, STATISTICS_AND_DAILY_AQI }

    public static final DustExclusion NONE = new DustExclusion(List.of(), Scope.STATISTICS);

    private final List<DustPeriod> periods;
    private final Scope scope;

    private DustExclusion(List<DustPeriod> periods, Scope scope) {
        this.periods = List.copyOf(periods);
        this.scope = Objects.requireNonNull(scope);
    }

    public static DustExclusion of(List<DustPeriod> periods) {
        return new DustExclusion(periods, Scope.STATISTICS);
    }

    public DustExclusion withScope(Scope scope) { return new DustExclusion(periods, scope); }

    public List<DustPeriod> periods() { return periods; }

    public Scope scope() { return scope; }

    public boolean isEmpty() { return periods.isEmpty(); }

    /**
     * {@code [series][day]}: true where a period covers the series on that day.
     *
     * @param cityOf the city of a series name (a station code's city; a city's own name), or null
     */
    public boolean[][] mask(DailyGrid grid, Function<String, String> cityOf) {
        boolean[][] mask = new boolean[grid.seriesCount()][grid.days()];
        for (int s = 0; s < grid.seriesCount(); s++) {
            String name = grid.series().get(s);
            String city = cityOf.apply(name);
            for (DustPeriod p : periods) {
                if (!p.where().equals(name) && !p.where().equals(city)) {
                    continue;
                }
                int from = Math.max(0, grid.indexOf(p.from()));
                int to = Math.min(grid.days() - 1, grid.indexOf(p.to()));
                for (int d = from; d <= to; d++) {
                    mask[s][d] = true;
                }
            }
        }
        return mask;
    }

    /** A copy of {@code grid} with PM10 and PM2.5 missing where {@code mask} is true; the original is unchanged. */
    public static DailyGrid exclude(DailyGrid grid, boolean[][] mask) {
        DailyGrid copy = new DailyGrid(grid.firstDay(), grid.days(), grid.series());
        for (DailyStatistic statistic : DailyStatistic.values()) {
            boolean particulate = statistic == DailyStatistic.PM10 || statistic == DailyStatistic.PM25;
            for (int s = 0; s < grid.seriesCount(); s++) {
                double[] from = grid.values(statistic, s);
                double[] to = copy.values(statistic, s);
                System.arraycopy(from, 0, to, 0, from.length);
                if (particulate) {
                    for (int d = 0; d < to.length; d++) {
                        if (mask[s][d]) {
                            to[d] = Double.NaN;
                        }
                    }
                }
            }
        }
        return copy;
    }

    /** How many series-days the mask covers. */
    public static int count(boolean[][] mask) {
        int n = 0;
        for (boolean[] row : mask) {
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }
}
