package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.envhub.standards.air.AirQualityStandard;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;

/**
 * The air-quality report of a period (空气质量状况报告) for stations or cities, from hourly data: the
 * entry point for the command line.
 *
 * <p>The chain, each step documented in its own class:
 * <ol>
 *   <li>{@link DailyStatistics}: station daily statistics over the period (and the comparison period),
 *       each day under {@code rules.forDay(day)};</li>
 *   <li>{@link CityAggregation} (city level): city daily statistics from the evaluation stations;</li>
 *   <li>{@link DustExclusion}: PM10/PM2.5 of dust days left out of the assessed grid;</li>
 *   <li>{@link DailyAqi}: daily AQI from the (city) concentrations;</li>
 *   <li>per row: {@link PeriodStatistics}, {@link CompositeIndex}, {@link GoodDayRatio},
 *       {@link HeavyPollutionDays}, {@link Attainment} and the {@link ChangeRate} of the published
 *       composite index;</li>
 *   <li>{@link Ranking}: ascending by published composite index, ties sharing a rank; rows resting on
 *       incomplete data are not ranked unless {@link ReportOptions#ranksIncomplete()}.</li>
 * </ol>
 *
 * @param period     the reported days
 * @param rules      the rule choice
 * @param ruleSpans  which rule set judged which days
 * @param judgedBy   the GB 3095 version of the attainment
 * @param level      stations or cities
 * @param rows       one per series, in grid (stations) or station-list (cities) order
 */
public record AirReport(Period period, RuleChoice rules, List<RuleSpan> ruleSpans, AirQualityStandard judgedBy,
                        Level level, List<ReportRow> rows) {

    public enum Level { STATION, CITY }

    /**
     * The report of {@code from} … {@code to} from station hourly data.
     *
     * @param stations the station list (city of each station, control stations)
     * @param hourly   station hourly grid, series named by station code; it must cover the period (and
     *                 the comparison period, if any); hours it lacks count as missing
     */
    public static AirReport compute(List<Station> stations, HourlyGrid hourly, LocalDate from, LocalDate to,
                                    RuleChoice rules, ReportOptions options) {
        Period period = new Period(from, to);
        Period before = options.compareWith();
        LocalDate first = before != null && before.from().isBefore(from) ? before.from() : from;
        LocalDate last = before != null && before.to().isAfter(to) ? before.to() : to;
        DailyOptions dailyOptions = options.daily().withRules(rules);
        DailyGrid stationDaily = DailyStatistics.compute(hourly, first, last, dailyOptions);
        return fromDaily(stations, stationDaily, hourly, period, rules, options);
    }

    /**
     * The same from station daily statistics already computed (with the same rules). {@code hourly} is
     * needed only for {@link CityMda8Source#CITY_HOURLY} and may otherwise be null.
     */
    public static AirReport fromDaily(List<Station> stations, DailyGrid stationDaily, HourlyGrid hourly, Period period,
                                      RuleChoice rules, ReportOptions options) {
        Map<String, Station> byCode = new HashMap<>();
        stations.forEach(s -> byCode.putIfAbsent(s.code(), s));
        CityAggregation cities = CityAggregation.of(stations);
        DailyGrid daily;
        Function<String, String> cityOf;
        if (options.level() == Level.CITY) {
            daily = options.cityMda8() == CityMda8Source.CITY_HOURLY
                    ? cities.cityDaily(stationDaily, hourly, CityMda8Source.CITY_HOURLY, options.daily().withRules(rules))
                    : cities.cityDaily(stationDaily);
            cityOf = Function.identity();
        } else {
            daily = stationDaily;
            cityOf = code -> byCode.containsKey(code) ? byCode.get(code).city() : null;
        }
        boolean[][] dust = options.dust().isEmpty() ? null : options.dust().mask(daily, cityOf);
        DailyGrid assessed = dust == null ? daily : DustExclusion.exclude(daily, dust);
        DailyAqi aqi = DailyAqi.compute(daily, rules,
                options.dust().scope() == DustExclusion.Scope.STATISTICS_AND_DAILY_AQI ? dust : null);
        AirQualityStandard judgedBy = options.judgedBy() != null ? options.judgedBy() : AirQualityStandard.inForceOn(period.to());
        int from = daily.indexOf(period.from());
        int to = daily.indexOf(period.to());

        ReportRow[] rows = new ReportRow[daily.seriesCount()];
        IntStream.range(0, rows.length).parallel().forEach(s -> {
            String key = daily.series().get(s);
            PeriodStatistics stats = PeriodStatistics.compute(assessed, s, period, options.period());
            CompositeIndex index = CompositeIndex.of(stats, options.composite());
            CompositeIndex previous = null;
            double change = Double.NaN;
            if (options.compareWith() != null) {
                previous = CompositeIndex.of(PeriodStatistics.compute(assessed, s, options.compareWith(), options.period()),
                        options.composite());
                change = ChangeRate.of(index.published(), previous.published());
            }
            int dustDays = 0;
            if (dust != null) {
                for (int d = Math.max(0, from); d <= Math.min(to, daily.days() - 1); d++) {
                    dustDays += dust[s][d] ? 1 : 0;
                }
            }
            String name = options.level() == Level.CITY ? key : byCode.containsKey(key) ? byCode.get(key).name() : key;
            String city = options.level() == Level.CITY ? key : cityOf.apply(key);
            rows[s] = new ReportRow(key, name, city, stats, index,
                    GoodDayRatio.of(aqi.values(s), from, to), HeavyPollutionDays.count(aqi.values(s), from, to),
                    Attainment.evaluate(stats, judgedBy, options.comparison()), 0, previous, change, dustDays);
        });

        double[] ranked = new double[rows.length];
        for (int s = 0; s < rows.length; s++) {
            CompositeIndex index = rows[s].index();
            ranked[s] = index.complete() || options.ranksIncomplete() ? index.value() : Double.NaN;
        }
        int[] ranks = Ranking.ascendingPublished(ranked, 2);
        for (int s = 0; s < rows.length; s++) {
            ReportRow r = rows[s];
            rows[s] = new ReportRow(r.series(), r.name(), r.city(), r.statistics(), r.index(), r.goodDays(),
                    r.heavyPollutionDays(), r.attainment(), ranks[s], r.previousIndex(), r.changeRate(), r.dustDays());
        }
        return new AirReport(period, rules, RuleSpan.of(rules, period), judgedBy, options.level(), List.of(rows));
    }

    /** The rows by rank (best first), unranked rows last, ties by name. */
    public List<ReportRow> ranked() {
        return rows.stream()
                .sorted(Comparator.comparingInt((ReportRow r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())
                        .thenComparing(ReportRow::name))
                .toList();
    }

    /** The row of a station code or city name, or null. */
    public ReportRow row(String series) {
        return rows.stream().filter(r -> r.series().equals(series)).findFirst().orElse(null);
    }
}
