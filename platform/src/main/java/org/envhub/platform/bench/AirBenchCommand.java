package org.envhub.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.envhub.bench.AirPipeline;
import org.envhub.bench.SyntheticNationalYear;
import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.io.StationListReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code envhub bench air}: times the air pipeline (read → hourly AQI → daily, city, ranking) on the
 * shipped four national days and on a generated national year, and prints the medians.
 */
@Command(name = "air", mixinStandardHelpOptions = true,
        description = {"Time the air pipeline on the shipped 4 national days and on a generated full national year "
                + "(2,026 stations, written once to a temporary folder), and print the medians."})
public class AirBenchCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "The shipped data folder, with cnemc-stations.csv.gz and cnemc-hourly/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--year-dir", paramLabel = "DIR",
            description = "Where the generated year is written once and reused (default: <tmp>/envhub-bench-year).")
    Path yearDir;

    @Option(names = "--year", paramLabel = "YYYY", defaultValue = "2025", description = "The generated year (default: ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs of each dataset (default: ${DEFAULT-VALUE}); the first is also preceded by a warm-up.")
    int runs;

    @Option(names = "--skip-year", description = "Only the shipped 4 days.")
    boolean skipYear;

    @Override
    public Integer call() throws IOException {
        List<Station> stations = StationListReader.read(data.resolve("cnemc-stations.csv.gz"), new ReadReport());
        List<Path> days;
        try (Stream<Path> files = Files.list(data.resolve("cnemc-hourly"))) {
            days = files.filter(f -> f.getFileName().toString().startsWith("china_sites_")).sorted().toList();
        }
        System.out.printf("envhub bench air: %d cores, Java %s, max heap %d MB, %d runs (median)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, runs);

        ResultTable table = new ResultTable("dataset", "files", "stations", "hours", "station_hours",
                "read_ms", "hourly_aqi_ms", "daily_city_ranking_ms", "total_ms", "compute_mstation_hours_per_s",
                "end_to_end_mstation_hours_per_s", "read_cpu_ms", "compute_cpu_ms", "load_average");
        measure("shipped 4 days", stations, days, table);
        if (!skipYear) {
            Path dir = yearDir != null ? yearDir : Path.of(System.getProperty("java.io.tmpdir"), "envhub-bench-year");
            long t0 = System.nanoTime();
            List<Path> yearFiles = new SyntheticNationalYear(stations, 2023).writeYear(year, dir);
            System.out.printf("generated year %d: %d files in %s (%.1f s, 0 if reused)%n", year, yearFiles.size(), dir, (System.nanoTime() - t0) / 1e9);
            measure("generated year " + year, stations, yearFiles, table);
        }
        table.print(org.envhub.platform.cli.OutputFormat.TABLE, System.out);
        System.out.printf("peak memory: resident %s MB, heap %d MB%n", peakResidentMb(), peakHeapMb());
        return 0;
    }

    private void measure(String name, List<Station> stations, List<Path> files, ResultTable table) {
        long[] read = new long[runs], hourly = new long[runs], report = new long[runs];
        long[] readCpu = new long[runs], computeCpu = new long[runs];
        HourlyGrid grid = null;
        long checksum = 0;
        for (int run = -1; run < runs; run++) { // run -1 warms the JIT up and is not counted
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            grid = AirPipeline.read(files);
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            int[][] aqi = AirPipeline.hourlyAqi(grid, RuleChoice.AUTO);
            long t2 = System.nanoTime();
            AirReport r = AirPipeline.cityReport(stations, grid, AirPipeline.firstDay(grid), grid.lastNaturalDay());
            long t3 = System.nanoTime();
            long c3 = cpuNanos();
            checksum += aqi[0][aqi[0].length - 1] + r.rows().size();
            if (run >= 0) {
                read[run] = t1 - t0;
                hourly[run] = t2 - t1;
                report[run] = t3 - t2;
                readCpu[run] = c1 - c0;
                computeCpu[run] = c3 - c1;
            }
            grid = run == runs - 1 ? grid : null;
        }
        long stationHours = (long) grid.seriesCount() * grid.hours();
        double readMs = median(read) / 1e6, hourlyMs = median(hourly) / 1e6, reportMs = median(report) / 1e6;
        long[] total = new long[runs];
        for (int i = 0; i < runs; i++) {
            total[i] = read[i] + hourly[i] + report[i];
        }
        double totalMs = median(total) / 1e6;
        table.add(name, files.size(), grid.seriesCount(), grid.hours(), stationHours,
                ResultTable.fixed(readMs, 0), ResultTable.fixed(hourlyMs, 0), ResultTable.fixed(reportMs, 0),
                ResultTable.fixed(totalMs, 0), ResultTable.fixed(stationHours / ((hourlyMs + reportMs) / 1e3) / 1e6, 1),
                ResultTable.fixed(stationHours / (totalMs / 1e3) / 1e6, 1),
                ResultTable.fixed(median(readCpu) / 1e6, 0), ResultTable.fixed(median(computeCpu) / 1e6, 0),
                ResultTable.fixed(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 1));
        if (checksum == Long.MIN_VALUE) {
            System.out.println(checksum); // keeps the results alive
        }
    }

    /**
     * CPU time of the whole process (all threads, GC included). Unlike wall time it does not grow when
     * other processes share the cores, so runs on a busy machine stay comparable.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** VmHWM, the peak resident set of this process (Linux). */
    private static String peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "?";
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
