package org.envhub.platform.air.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.air.stats.Attainment;
import org.envhub.standards.air.stats.CompositeIndex;
import org.envhub.standards.air.stats.PeriodStatistic;
import org.envhub.standards.air.stats.PeriodStatistics;
import org.envhub.standards.air.stats.ReportOptions;
import org.envhub.standards.air.stats.ReportRow;
import org.envhub.standards.air.stats.RuleSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code envhub air report}: the period report and ranking of stations or cities. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Period statistics, composite index (综合指数) with its single indices and primary pollutant, "
                + "good-day ratio (优良天数比例), heavy-pollution days and rank, per station or city.",
                "Rows are ordered by rank; a row whose data is too incomplete for an official figure is listed without a rank.",
                "The table shows the key columns; --format csv or json gives every statistic."})
public class ReportCommand implements Callable<Integer> {

    @Mixin
    AirOptions options;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "city",
            description = "station or city (default: ${DEFAULT-VALUE}).")
    AirReport.Level by;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (default: the first day of the data).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: the last day of the data).")
    LocalDate to;

    @Option(names = "--rank-incomplete", description = "Rank rows whose data is incomplete too (official rankings do not).")
    boolean rankIncomplete;

    @Override
    public Integer call() {
        AirDataset data = AirDataset.load(options);
        LocalDate first = from != null ? from : AirDataset.firstFullDay(data.grid);
        LocalDate last = to != null ? to : data.grid.lastNaturalDay();
        ReportOptions reportOptions = ReportOptions.defaults().withLevel(by).withRanksIncomplete(rankIncomplete);
        AirReport report = AirReport.compute(data.stations, data.grid, first, last, data.rules, reportOptions);

        boolean cities = by == AirReport.Level.CITY;
        List<String> columns = new java.util.ArrayList<>(cities ? List.of("rank", "city") : List.of("rank", "station", "name", "city"));
        columns.addAll(List.of("composite_index", "primary", "so2_index", "no2_index", "co_index", "o3_index", "pm10_index", "pm25_index",
                "so2_mean", "no2_mean", "pm10_mean", "pm25_mean", "co_p95", "o3_8h_p90",
                "so2_p98", "no2_p98", "pm10_p95", "pm25_p95",
                "good_days", "valid_days", "good_day_ratio", "heavy_pollution_days", "not_attained", "complete"));
        ResultTable table = new ResultTable(columns);
        if (cities) {
            table.tableColumns("rank", "city", "composite_index", "primary", "pm25_mean", "pm10_mean", "o3_8h_p90",
                    "no2_mean", "good_day_ratio", "heavy_pollution_days", "valid_days");
        } else {
            table.tableColumns("rank", "station", "name", "city", "composite_index", "primary", "pm25_mean", "pm10_mean",
                    "o3_8h_p90", "no2_mean", "good_day_ratio", "heavy_pollution_days", "valid_days");
        }
        List<String> stationsWanted = data.selectedStations().stream().map(s -> data.grid.series().get(s)).toList();
        for (ReportRow row : report.ranked()) {
            boolean wanted = by == AirReport.Level.CITY ? data.cityWanted(row.series()) : stationsWanted.contains(row.series());
            if (!wanted || row.goodDays().validDays() == 0 && Double.isNaN(row.index().value())) {
                continue;
            }
            CompositeIndex index = row.index();
            PeriodStatistics st = row.statistics();
            List<Object> cells = new java.util.ArrayList<>();
            cells.add(row.ranked() ? row.rank() : null);
            cells.add(row.series());
            if (!cities) {
                cells.add(row.name());
                cells.add(row.city());
            }
            java.util.Collections.addAll(cells, ResultTable.fixed(index.value(), 2), primary(index),
                    single(index, Pollutant.SO2), single(index, Pollutant.NO2), single(index, Pollutant.CO),
                    single(index, Pollutant.O3), single(index, Pollutant.PM10), single(index, Pollutant.PM25),
                    stat(st, PeriodStatistic.SO2_MEAN), stat(st, PeriodStatistic.NO2_MEAN),
                    stat(st, PeriodStatistic.PM10_MEAN), stat(st, PeriodStatistic.PM25_MEAN),
                    stat(st, PeriodStatistic.CO_P95), stat(st, PeriodStatistic.O3_8H_P90),
                    stat(st, PeriodStatistic.SO2_P98), stat(st, PeriodStatistic.NO2_P98),
                    stat(st, PeriodStatistic.PM10_P95), stat(st, PeriodStatistic.PM25_P95),
                    row.goodDays().goodDays(), row.goodDays().validDays(),
                    ResultTable.fixed(row.goodDays().percent(), 1), row.heavyPollutionDays(),
                    notAttained(row.attainment()), index.complete());
            table.add(cells.toArray());
        }
        table.print(options.format, System.out);
        StringJoiner spans = new StringJoiner("; ");
        for (RuleSpan span : report.ruleSpans()) {
            spans.add(span.toString());
        }
        System.err.println("envhub: " + report.period().from() + " … " + report.period().to() + ", rules " + spans
                + ", limits " + report.judgedBy().title());
        return data.finish(System.err);
    }

    private static String primary(CompositeIndex index) {
        StringJoiner joiner = new StringJoiner("+");
        index.primary().forEach(p -> joiner.add(p.label()));
        return joiner.toString();
    }

    private static Object single(CompositeIndex index, Pollutant p) {
        return ResultTable.fixed(index.single(p), 2);
    }

    private static Object stat(PeriodStatistics st, PeriodStatistic statistic) {
        DailyStatistic daily = statistic.daily();
        return ResultTable.fixed(st.value(statistic), daily.pollutant().reportedDecimals());
    }

    private static String notAttained(Attainment attainment) {
        StringJoiner joiner = new StringJoiner("+");
        for (Attainment.PollutantAttainment p : attainment.pollutants()) {
            if (p.status() == Attainment.Status.EXCEEDS) {
                joiner.add(p.pollutant().label());
            }
        }
        return joiner.toString();
    }
}
