package org.envhub.standards.air.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.envhub.standards.air.AirQualityStandard;
import org.envhub.standards.air.ConcentrationRounding;
import org.envhub.standards.air.Pollutant;

/**
 * Attainment (达标评价) of a period against the class-2 limits of GB 3095, per HJ 663:
 * <ul>
 *   <li>SO2, NO2: the period mean against the annual limit, and the daily P98 against the 24h limit;</li>
 *   <li>PM10, PM2.5: the period mean against the annual limit, and the daily P95 against the 24h limit;</li>
 *   <li>CO: the daily P95 against the 24h limit (4);</li>
 *   <li>O3: the MDA8 P90 against the 8h limit (160).</li>
 * </ul>
 * A pollutant meets the standard only if every one of its statistics is at or below its limit. The
 * exceedance multiple (超标倍数) is (C − S)/S, negative when below the limit.
 *
 * <p>The standard: the GB 3095 version in force on the period's last day, unless the caller names one.
 * The rules are written for a calendar year; on a shorter period the same comparison is indicative.
 * A pollutant with any statistic incomplete (see {@link PeriodStatistics#isComplete}) is
 * {@link Status#NOT_ASSESSED}, even if a value exceeds: too few days cannot judge a period either way.
 */
public final class Attainment {

    public enum Status {
        MEETS("达标"), EXCEEDS("超标"), NOT_ASSESSED("数据不足");

        private final String chinese;

        Status(String chinese) { this.chinese = chinese; }

        public String chinese() { return chinese; }
    }

    /**
     * One statistic against one limit.
     *
     * @param value              the statistic at full precision
     * @param compared           the value compared with the limit (rounded under {@link LimitComparison#ROUNDED_VALUE})
     * @param exceedanceMultiple (compared − limit)/limit
     */
    public record Check(PeriodStatistic statistic, double value, double compared, double limit,
                        double exceedanceMultiple, boolean exceeds, boolean complete) {
    }

    public record PollutantAttainment(Pollutant pollutant, List<Check> checks, Status status) {

        /** The largest exceedance multiple among the checks (NaN if none has a value). */
        public double exceedanceMultiple() {
            double max = Double.NaN;
            for (Check c : checks) {
                double m = c.exceedanceMultiple();
                if (m == m && !(m <= max)) {
                    max = m;
                }
            }
            return max;
        }
    }

    private final AirQualityStandard standard;
    private final LimitComparison comparison;
    private final List<PollutantAttainment> pollutants;

    private Attainment(AirQualityStandard standard, LimitComparison comparison, List<PollutantAttainment> pollutants) {
        this.standard = standard;
        this.comparison = comparison;
        this.pollutants = pollutants;
    }

    /** Against the standard in force on the period's last day, comparing rounded values. */
    public static Attainment evaluate(PeriodStatistics stats) {
        return evaluate(stats, AirQualityStandard.inForceOn(stats.period().to()), LimitComparison.ROUNDED_VALUE);
    }

    public static Attainment evaluate(PeriodStatistics stats, AirQualityStandard standard, LimitComparison comparison) {
        Objects.requireNonNull(standard);
        Objects.requireNonNull(comparison);
        List<PollutantAttainment> result = new ArrayList<>(6);
        for (Pollutant p : Pollutant.values()) {
            List<Check> checks = new ArrayList<>(2);
            switch (p) {
                case SO2, NO2, PM10, PM25 -> {
                    checks.add(check(stats, PeriodStatistic.meanOf(p), standard.annualLimit(p), comparison));
                    checks.add(check(stats, PeriodStatistic.percentileOf(p), standard.dailyLimit(p), comparison));
                }
                case CO -> checks.add(check(stats, PeriodStatistic.CO_P95, standard.dailyLimit(p), comparison));
                case O3 -> checks.add(check(stats, PeriodStatistic.O3_8H_P90, standard.o3Max8hLimit(), comparison));
            }
            result.add(new PollutantAttainment(p, List.copyOf(checks), status(checks)));
        }
        return new Attainment(standard, comparison, List.copyOf(result));
    }

    private static Check check(PeriodStatistics stats, PeriodStatistic statistic, double limit, LimitComparison comparison) {
        double value = stats.value(statistic);
        double compared = comparison == LimitComparison.ROUNDED_VALUE
                ? ConcentrationRounding.round(statistic.pollutant(), value) : value;
        return new Check(statistic, value, compared, limit, (compared - limit) / limit, compared > limit,
                stats.isComplete(statistic) && compared == compared);
    }

    private static Status status(List<Check> checks) {
        boolean exceeds = false;
        for (Check c : checks) {
            if (!c.complete()) {
                return Status.NOT_ASSESSED;
            }
            exceeds |= c.exceeds();
        }
        return exceeds ? Status.EXCEEDS : Status.MEETS;
    }

    public AirQualityStandard standard() { return standard; }

    public LimitComparison comparison() { return comparison; }

    public List<PollutantAttainment> pollutants() { return pollutants; }

    public PollutantAttainment of(Pollutant pollutant) { return pollutants.get(pollutant.ordinal()); }

    /** Whether all six pollutants meet the standard (空气质量达标). */
    public boolean meetsAll() {
        return pollutants.stream().allMatch(p -> p.status() == Status.MEETS);
    }

    /** The pollutants that exceed (超标污染物), in enum order. */
    public List<Pollutant> exceeding() {
        return pollutants.stream().filter(p -> p.status() == Status.EXCEEDS).map(PollutantAttainment::pollutant).toList();
    }
}
