package org.envhub.platform.air.cli;

import java.util.concurrent.Callable;

import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.air.AqiItem;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.air.stats.CityAggregation;
import org.envhub.standards.air.stats.DailyAqi;
import org.envhub.standards.air.stats.DailyOptions;
import org.envhub.standards.air.stats.DailyStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code envhub air daily}: the daily AQI and daily statistics of stations or cities. */
@Command(name = "daily", mixinStandardHelpOptions = true,
        description = "Daily AQI and daily statistics (daily means, O3 max 1h, MDA8) per natural day, by station or by city.")
public class DailyCommand implements Callable<Integer> {

    @Mixin
    AirOptions options;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "station",
            description = "station or city (default: ${DEFAULT-VALUE}). A city's statistics are the means of its evaluation stations' (control stations excluded).")
    AirReport.Level by;

    @Override
    public Integer call() {
        AirDataset data = AirDataset.load(options);
        DailyGrid daily = dailyGrid(data, by);
        DailyAqi aqi = DailyAqi.compute(daily, data.rules);
        ResultTable table = new ResultTable("date", "station_or_city", "aqi", "level", "primary",
                "so2", "no2", "co", "pm10", "pm25", "o3_1h_max", "o3_8h_max", "valid");
        for (int s = 0; s < daily.seriesCount(); s++) {
            String key = daily.series().get(s);
            for (int d = 0; d < daily.days(); d++) {
                if (!anyValue(daily, s, d)) {
                    continue;
                }
                AqiResult r = aqi.result(s, d);
                table.add(daily.dayAt(d).toString(), key, ResultTable.integerOrNull(r.aqi()),
                        r.hasAqi() ? r.level().category() : null, r.primaryLabel(),
                        value(daily, DailyStatistic.SO2, s, d), value(daily, DailyStatistic.NO2, s, d),
                        value(daily, DailyStatistic.CO, s, d), value(daily, DailyStatistic.PM10, s, d),
                        value(daily, DailyStatistic.PM25, s, d), value(daily, DailyStatistic.O3_MAX_1H, s, d),
                        value(daily, DailyStatistic.O3_MAX_8H, s, d), allItemsValid(r, aqi.ruleSet(d)));
            }
        }
        table.print(options.format, System.out);
        return data.finish(System.err);
    }

    /** Station daily statistics of the selected stations, or city daily statistics of the selected cities. */
    static DailyGrid dailyGrid(AirDataset data, AirReport.Level by) {
        DailyOptions dailyOptions = DailyOptions.defaults().withRules(data.rules);
        if (by == AirReport.Level.CITY) {
            DailyGrid stationDaily = DailyStatistics.compute(data.grid, dailyOptions);
            DailyGrid cities = CityAggregation.of(data.stations).cityDaily(stationDaily);
            return select(cities, data, true);
        }
        return select(DailyStatistics.compute(data.grid, dailyOptions), data, false);
    }

    private static DailyGrid select(DailyGrid grid, AirDataset data, boolean cities) {
        java.util.List<String> keep = new java.util.ArrayList<>();
        if (cities) {
            grid.series().stream().filter(data::cityWanted).forEach(keep::add);
        } else {
            data.selectedStations().forEach(s -> keep.add(data.grid.series().get(s)));
        }
        if (keep.size() == grid.seriesCount()) {
            return grid;
        }
        DailyGrid selected = new DailyGrid(grid.firstDay(), grid.days(), keep);
        for (int i = 0; i < keep.size(); i++) {
            int from = grid.seriesIndex(keep.get(i));
            for (DailyStatistic st : DailyStatistic.values()) {
                System.arraycopy(grid.values(st, from), 0, selected.values(st, i), 0, grid.days());
            }
        }
        return selected;
    }

    private static boolean anyValue(DailyGrid daily, int s, int d) {
        for (DailyStatistic st : DailyStatistic.values()) {
            if (!Double.isNaN(daily.value(st, s, d))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every item the day's rule set rates has a valid value. */
    private static boolean allItemsValid(AqiResult r, AqiRuleSet rules) {
        for (AqiItem item : AqiItem.values()) {
            if (item == AqiItem.O3_1H && !rules.dailyUsesO3MaxHour()) {
                continue;
            }
            if (r.subIndex(item) == AqiResult.MISSING) {
                return false;
            }
        }
        return true;
    }

    /** Daily statistics as published: integers, CO with one decimal (GB/T 8170). */
    static Object value(DailyGrid daily, DailyStatistic statistic, int s, int d) {
        return ResultTable.fixed(daily.value(statistic, s, d), statistic.pollutant().reportedDecimals());
    }
}
