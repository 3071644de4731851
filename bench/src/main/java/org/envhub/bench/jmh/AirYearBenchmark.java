package org.envhub.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.envhub.bench.AirPipeline;
import org.envhub.bench.SyntheticNationalYear;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.io.StationListReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The national air pipeline on a generated year (2,026 stations × 8,784 hours, written once to
 * {@code <tmp>/envhub-bench-year}) or on the four shipped days: reading the CNEMC files, and the
 * computation (hourly AQI of every station-hour, then daily statistics, cities, composite index and
 * ranking). Run from the repository root: {@code java -Xmx2g -jar bench/target/benchmarks.jar AirYear}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class AirYearBenchmark {

    @Param({"shipped-4-days", "generated-year"})
    public String dataset;

    List<Station> stations;
    List<Path> files;
    HourlyGrid grid;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path data = Path.of(System.getProperty("envhub.data", "data"));
        stations = StationListReader.read(data.resolve("cnemc-stations.csv.gz"), new ReadReport());
        if (dataset.equals("generated-year")) {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "envhub-bench-year");
            files = new SyntheticNationalYear(stations, 2023).writeYear(2025, dir);
        } else {
            try (var list = Files.list(data.resolve("cnemc-hourly"))) {
                files = list.sorted().toList();
            }
        }
        grid = AirPipeline.read(files);
    }

    @Benchmark
    public HourlyGrid read() {
        return AirPipeline.read(files);
    }

    @Benchmark
    public int[][] hourlyAqi() {
        return AirPipeline.hourlyAqi(grid, RuleChoice.AUTO);
    }

    @Benchmark
    public AirReport dailyCityRanking() {
        return AirPipeline.cityReport(stations, grid, AirPipeline.firstDay(grid), grid.lastNaturalDay());
    }

    @Benchmark
    public AirReport endToEnd() {
        HourlyGrid g = AirPipeline.read(files);
        AirPipeline.hourlyAqi(g, RuleChoice.AUTO);
        return AirPipeline.cityReport(stations, g, AirPipeline.firstDay(g), g.lastNaturalDay());
    }
}
