package org.envhub.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.air.stats.ReportOptions;
import org.envhub.standards.io.CnemcHourlyData;
import org.envhub.standards.io.CnemcHourlyReader;


/**
 * The air pipeline that the benchmarks time, in the steps a bureau's year goes through: read the
 * national station files, rate every station-hour (real-time AQI), then compute the daily statistics,
 * the city values and the city report with its ranking.
 */
public final class AirPipeline {

    private AirPipeline() {}

    /** Reads CNEMC station files into an hourly grid (the six pollutants only). */
    public static HourlyGrid read(List<Path> files) {
        CnemcHourlyData data = new CnemcHourlyReader().read(files);
        if (data.report().values() == 0) {
            throw new IllegalStateException("no value read from " + files.size() + " files: " + data.report());
        }
        return data.grid();
    }

    /**
     * The real-time AQI of every station-hour under {@code auto}, in parallel over stations.
     *
     * @return [station][hour] AQI, {@code -1} where not available
     */
    public static int[][] hourlyAqi(HourlyGrid grid, RuleChoice rules) {
        AqiRuleSet[] byHour = new AqiRuleSet[grid.hours()];
        for (int h = 0; h < byHour.length; h++) {
            byHour[h] = rules.forHour(grid.hourAt(h));
        }
        int[][] aqi = new int[grid.seriesCount()][];
        IntStream.range(0, grid.seriesCount()).parallel().forEach(s -> {
            double[] so2 = grid.values(Pollutant.SO2, s), no2 = grid.values(Pollutant.NO2, s), co = grid.values(Pollutant.CO, s);
            double[] o3 = grid.values(Pollutant.O3, s), pm10 = grid.values(Pollutant.PM10, s), pm25 = grid.values(Pollutant.PM25, s);
            int[] out = new int[grid.hours()];
            int[] sub = new int[7];
            for (int h = 0; h < out.length; h++) {
                out[h] = Aqi.hourly(byHour[h], so2[h], no2[h], co[h], o3[h], pm10[h], pm25[h], Double.NaN, Double.NaN, Double.NaN, sub);
            }
            aqi[s] = out;
        });
        return aqi;
    }

    /** Daily statistics, city aggregation, daily AQI, period statistics, composite index and ranking. */
    public static AirReport cityReport(List<Station> stations, HourlyGrid grid, LocalDate from, LocalDate to) {
        return AirReport.compute(stations, grid, from, to, RuleChoice.AUTO, ReportOptions.defaults().withLevel(AirReport.Level.CITY));
    }

    /** The first natural day wholly or partly covered by the grid (its last: {@link HourlyGrid#lastNaturalDay()}). */
    public static LocalDate firstDay(HourlyGrid grid) { return grid.firstHour().minusHours(1).toLocalDate(); }

}
