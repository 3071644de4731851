package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;

/**
 * A rough timing of the national year, not a test: 2,026 stations × 8,760 hours of synthetic data
 * (3% missing, one control station in ten, six stations a city) from hourly grid to city ranking.
 * Needs about 1.2 GB of heap: {@code java -Xmx3g -cp standards/target/classes:standards/target/test-classes
 * org.envhub.standards.air.stats.FullYearTiming}.
 */
public final class FullYearTiming {

    public static void main(String[] args) {
        int stations = 2026;
        int hours = 8760;
        LocalDate from = LocalDate.of(2023, 1, 1);
        List<Station> list = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int s = 0; s < stations; s++) {
            String code = (1001 + s) + "A";
            codes.add(code);
            list.add(new Station(code, "站" + s, "城市" + (s / 6), 0, 0, s % 10 == 9));
        }
        double[] scale = {10, 30, 0.8, 90, 70, 35};
        double[][][] values = new double[6][stations][];
        IntStream.range(0, stations).parallel().forEach(s -> {
            SplittableRandom random = new SplittableRandom(s);
            for (Pollutant p : Pollutant.values()) {
                double[] v = new double[hours];
                for (int h = 0; h < hours; h++) {
                    v[h] = random.nextInt(100) < 3 ? Double.NaN
                            : scale[p.ordinal()] * (0.3 + 1.4 * random.nextDouble()) * (1 + 0.5 * Math.sin(h * Math.PI / 12));
                }
                values[p.ordinal()][s] = v;
            }
        });
        HourlyGrid hourly = new HourlyGrid(from.atTime(1, 0), hours, codes, values);
        LocalDate to = LocalDate.of(2023, 12, 31);
        double stationHours = (double) stations * hours;
        System.out.printf("%,d station-hours, %d cores%n", (long) stationHours, Runtime.getRuntime().availableProcessors());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= 8; round++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            DailyGrid daily = DailyStatistics.compute(hourly, from, to, DailyOptions.defaults());
            long t1 = System.nanoTime();
            AirReport report = AirReport.fromDaily(list, daily, hourly, Period.year(2023), RuleChoice.AUTO, ReportOptions.defaults());
            long t2 = System.nanoTime();
            long cpu2 = os.getProcessCpuTime();
            AirReport stationReport = AirReport.fromDaily(list, daily, hourly, Period.year(2023), RuleChoice.AUTO,
                    ReportOptions.defaults().withLevel(AirReport.Level.STATION));
            long t3 = System.nanoTime();
            AirReport cityHourly = AirReport.fromDaily(list, daily, hourly, Period.year(2023), RuleChoice.AUTO,
                    ReportOptions.defaults().withCityMda8(CityMda8Source.CITY_HOURLY));
            long t4 = System.nanoTime();
            double total = (t2 - t0) / 1e9;
            System.out.printf("round %d: daily statistics %.3f s, cities to ranking %.3f s, total %.3f s wall (%.3f s CPU)"
                            + " = %.1f M station-hours/s; station report %.3f s; city-hourly MDA8 option %.3f s  (%d cities, best %s %.2f)%n",
                    round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, total, (cpu2 - cpu0) / 1e9, stationHours / total / 1e6, (t3 - t2) / 1e9,
                    (t4 - t3) / 1e9, report.rows().size(), report.ranked().get(0).series(), report.ranked().get(0).index().published());
            if (stationReport.rows().size() != stations || cityHourly.rows().isEmpty()) {
                throw new AssertionError("unexpected row counts");
            }
        }
    }
}
