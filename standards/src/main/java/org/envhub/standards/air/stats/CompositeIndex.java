package org.envhub.standards.air.stats;

import java.util.ArrayList;
import java.util.List;
import org.envhub.standards.air.AirQualityStandard;
import org.envhub.standards.air.ConcentrationRounding;
import org.envhub.standards.air.Pollutant;

/**
 * The composite air-quality index (环境空气质量综合指数), per the 2018 ranking rule:
 * I_sum = Σ w_i·I_i with the single indices (单项指数) I_i = C_i/S_i of the six pollutants, where
 * <ul>
 *   <li>SO2, NO2, PM10, PM2.5: C_i is the period mean, S_i the annual class-2 limit;</li>
 *   <li>CO: C_i is the daily P95, S_i = 4 (24h limit);</li>
 *   <li>O3: C_i is the MDA8 P90, S_i = 160 (8h limit).</li>
 * </ul>
 * The weights w_i are 1 unless {@link CompositeOptions#weighting()} says otherwise. The largest single
 * index names the primary pollutant of the ranking (ties, decided on the published two-decimal single
 * indices, are all listed).
 *
 * <p>Published values carry two decimals, rounded half to even (GB/T 8170, the national rounding rule
 * that also governs concentrations): 4.585 → 4.58, 4.595 → 4.60. The published composite is the
 * rounded sum of the unrounded single indices. Without all six C_i the index is NaN.
 */
public final class CompositeIndex {

    private static final Pollutant[] POLLUTANTS = Pollutant.values();

    private final double[] concentration;
    private final double[] single;
    private final double value;
    private final List<Pollutant> primary;
    private final boolean complete;

    private CompositeIndex(double[] concentration, double[] single, double value, List<Pollutant> primary, boolean complete) {
        this.concentration = concentration;
        this.single = single;
        this.value = value;
        this.primary = primary;
        this.complete = complete;
    }

    public static CompositeIndex of(PeriodStatistics stats, CompositeOptions options) {
        double[] c = new double[POLLUTANTS.length];
        double[] single = new double[POLLUTANTS.length];
        AirQualityStandard limits = options.limits();
        double sum = 0;
        boolean complete = true;
        for (Pollutant p : POLLUTANTS) {
            PeriodStatistic statistic = switch (p) {
                case SO2, NO2, PM10, PM25 -> PeriodStatistic.meanOf(p);
                case CO -> PeriodStatistic.CO_P95;
                case O3 -> PeriodStatistic.O3_8H_P90;
            };
            double limit = switch (p) {
                case SO2, NO2, PM10, PM25 -> limits.annualLimit(p);
                case CO -> limits.dailyLimit(p);
                case O3 -> limits.o3Max8hLimit();
            };
            double raw = stats.value(statistic);
            c[p.ordinal()] = options.roundsConcentrations() ? ConcentrationRounding.round(p, raw) : raw;
            single[p.ordinal()] = c[p.ordinal()] / limit;
            sum += options.weighting().weight(p) * single[p.ordinal()];
            complete &= stats.isComplete(statistic);
        }
        return new CompositeIndex(c, single, sum, primaryOf(single), complete && sum == sum);
    }

    private static List<Pollutant> primaryOf(double[] single) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : single) {
            if (v == v) {
                max = Math.max(max, publish(v));
            }
        }
        List<Pollutant> primary = new ArrayList<>(2);
        for (Pollutant p : POLLUTANTS) {
            if (publish(single[p.ordinal()]) == max) {
                primary.add(p);
            }
        }
        return List.copyOf(primary);
    }

    /** Two decimals, half to even: how indices are published. */
    public static double publish(double index) {
        return ConcentrationRounding.round(index, 2);
    }

    /** The C_i used (rounded when {@link CompositeOptions#roundsConcentrations()}). */
    public double concentration(Pollutant p) { return concentration[p.ordinal()]; }

    /** I_i = C_i/S_i at full precision, unweighted. */
    public double single(Pollutant p) { return single[p.ordinal()]; }

    public double publishedSingle(Pollutant p) { return publish(single(p)); }

    /** I_sum at full precision; NaN unless all six C_i exist. */
    public double value() { return value; }

    /** I_sum with two decimals: the value that is ranked and published. */
    public double published() { return publish(value); }

    /** The pollutant(s) with the largest single index (排名首要污染物). */
    public List<Pollutant> primary() { return primary; }

    /** Whether every statistic behind the index has complete data (see {@link PeriodStatistics#isComplete}). */
    public boolean complete() { return complete; }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("I=").append(published());
        for (Pollutant p : POLLUTANTS) {
            b.append(' ').append(p.label()).append('=').append(publishedSingle(p));
        }
        return b.append(" primary ").append(primary).toString();
    }
}
