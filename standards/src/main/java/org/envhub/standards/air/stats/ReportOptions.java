package org.envhub.standards.air.stats;

import java.util.Objects;
import org.envhub.standards.air.AirQualityStandard;

/**
 * Settings of an {@link AirReport}; every field has a default (see {@link #defaults()}).
 *
 * @param level            {@link AirReport.Level#CITY} (default) or {@link AirReport.Level#STATION}
 * @param daily            validity of daily statistics; its rule choice is replaced by the report's
 * @param period           completeness of period statistics
 * @param composite        composite index settings
 * @param cityMda8         [OPEN] where a city's MDA8 comes from; default {@link CityMda8Source#STATION_MEAN}
 * @param dust             dust exclusion (扣沙); default {@link DustExclusion#NONE}
 * @param judgedBy         the GB 3095 version for attainment; null (default) = in force on the period's last day
 * @param comparison       how statistics meet limits; default {@link LimitComparison#ROUNDED_VALUE}
 * @param compareWith      an earlier period for the change rate (同比/环比); null (default) for none
 * @param ranksIncomplete  whether rows whose composite index rests on incomplete data are ranked too;
 *                         default false (an official ranking needs valid data)
 */
public record ReportOptions(AirReport.Level level, DailyOptions daily, PeriodOptions period, CompositeOptions composite,
                            CityMda8Source cityMda8, DustExclusion dust, AirQualityStandard judgedBy,
                            LimitComparison comparison, Period compareWith, boolean ranksIncomplete) {

    private static final ReportOptions DEFAULTS = new ReportOptions(AirReport.Level.CITY, DailyOptions.defaults(),
            PeriodOptions.defaults(), CompositeOptions.defaults(), CityMda8Source.STATION_MEAN, DustExclusion.NONE,
            null, LimitComparison.ROUNDED_VALUE, null, false);

    public ReportOptions {
        Objects.requireNonNull(level);
        Objects.requireNonNull(daily);
        Objects.requireNonNull(period);
        Objects.requireNonNull(composite);
        Objects.requireNonNull(cityMda8);
        Objects.requireNonNull(dust);
        Objects.requireNonNull(comparison);
    }

    public static ReportOptions defaults() { return DEFAULTS; }

    public ReportOptions withLevel(AirReport.Level v) {
        return new ReportOptions(v, daily, period, composite, cityMda8, dust, judgedBy, comparison, compareWith, ranksIncomplete);
    }

    public ReportOptions withDaily(DailyOptions v) {
        return new ReportOptions(level, v, period, composite, cityMda8, dust, judgedBy, comparison, compareWith, ranksIncomplete);
    }

    public ReportOptions withPeriod(PeriodOptions v) {
        return new ReportOptions(level, daily, v, composite, cityMda8, dust, judgedBy, comparison, compareWith, ranksIncomplete);
    }

    public ReportOptions withComposite(CompositeOptions v) {
        return new ReportOptions(level, daily, period, v, cityMda8, dust, judgedBy, comparison, compareWith, ranksIncomplete);
    }

    public ReportOptions withCityMda8(CityMda8Source v) {
        return new ReportOptions(level, daily, period, composite, v, dust, judgedBy, comparison, compareWith, ranksIncomplete);
    }

    public ReportOptions withDust(DustExclusion v) {
        return new ReportOptions(level, daily, period, composite, cityMda8, v, judgedBy, comparison, compareWith, ranksIncomplete);
    }

    public ReportOptions withJudgedBy(AirQualityStandard v) {
        return new ReportOptions(level, daily, period, composite, cityMda8, dust, v, comparison, compareWith, ranksIncomplete);
    }

    public ReportOptions withComparison(LimitComparison v) {
        return new ReportOptions(level, daily, period, composite, cityMda8, dust, judgedBy, v, compareWith, ranksIncomplete);
    }

    public ReportOptions withCompareWith(Period v) {
        return new ReportOptions(level, daily, period, composite, cityMda8, dust, judgedBy, comparison, v, ranksIncomplete);
    }

    public ReportOptions withRanksIncomplete(boolean v) {
        return new ReportOptions(level, daily, period, composite, cityMda8, dust, judgedBy, comparison, compareWith, v);
    }
}
