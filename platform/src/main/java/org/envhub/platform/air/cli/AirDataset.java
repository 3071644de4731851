package org.envhub.platform.air.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.envhub.standards.io.CnemcHourlyData;
import org.envhub.standards.io.CnemcHourlyReader;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.LongCsvReader;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.io.StationListReader;

/**
 * What an {@code envhub air} command works on: the station list, the hourly grid read from the inputs,
 * the rule choice, and the report of bad input. Bad rows are printed to stderr as they are found in
 * the report, and never stop the command.
 */
final class AirDataset {

    /** The national station list shipped in the jar (see data/README.md). */
    static final String SHIPPED_STATIONS = "/demo/cnemc-stations.csv.gz";

    final List<Station> stations;
    final Map<String, Station> byCode = new HashMap<>();
    final HourlyGrid grid;
    final RuleChoice rules;
    final ReadReport report;
    /** Hourly values read from the inputs (the station list not counted). */
    final long hourlyValues;
    private final AirOptions options;

    private AirDataset(AirOptions options, List<Station> stations, HourlyGrid grid, RuleChoice rules, ReadReport report,
                       long hourlyValues) {
        this.hourlyValues = hourlyValues;
        this.options = options;
        this.stations = stations;
        this.grid = grid;
        this.rules = rules;
        this.report = report;
        stations.forEach(s -> byCode.putIfAbsent(s.code(), s));
    }

    static AirDataset load(AirOptions options) {
        RuleChoice rules = RuleChoice.parse(options.rules);
        ReadReport report = new ReadReport();
        List<Station> stations = options.stations != null
                ? StationListReader.read(options.stations, report)
                : shippedStations(report);
        List<Path> files = InputFiles.expand(options.inputs);
        List<Path> cnemc = new ArrayList<>();
        List<Path> longCsv = new ArrayList<>();
        for (Path file : files) {
            (isLongCsv(file) ? longCsv : cnemc).add(file);
        }
        if (!longCsv.isEmpty() && !cnemc.isEmpty()) {
            throw new IllegalArgumentException("give either CNEMC station files or long CSV files, not both in one run");
        }
        HourlyGrid grid;
        ReadReport hourly;
        if (longCsv.isEmpty()) {
            CnemcHourlyData read = new CnemcHourlyReader().read(cnemc);
            hourly = read.report();
            grid = read.grid();
        } else {
            hourly = new ReadReport();
            grid = LongCsvReader.read(longCsv, hourly);
        }
        report.addAll(hourly);
        return new AirDataset(options, stations, grid, rules, report, hourly.values());
    }

    private static List<Station> shippedStations(ReadReport report) {
        try (InputStream in = AirDataset.class.getResourceAsStream(SHIPPED_STATIONS)) {
            if (in == null) {
                throw new IllegalStateException("the shipped station list " + SHIPPED_STATIONS + " is missing from the jar; give --stations FILE");
            }
            Path copy = Files.createTempFile("envhub-stations", ".csv.gz");
            try {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return StationListReader.read(copy, report);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isLongCsv(Path file) {
        try (var reader = InputFiles.newReader(file)) {
            String first = reader.readLine();
            return first != null && first.replace("\uFEFF", "").trim().toLowerCase().startsWith("time,station,pollutant,value");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The grid series (station codes) that pass --station and --city, in grid order. */
    List<Integer> selectedStations() {
        Set<String> codes = options.stationCodes == null ? null : new LinkedHashSet<>(options.stationCodes);
        Set<String> cities = cityFilter();
        List<Integer> selected = new ArrayList<>();
        for (int s = 0; s < grid.seriesCount(); s++) {
            String code = grid.series().get(s);
            if (codes != null && !codes.contains(code)) {
                continue;
            }
            if (cities != null && !cities.contains(normalCity(cityOf(code)))) {
                continue;
            }
            selected.add(s);
        }
        return selected;
    }

    /** True when {@code city} passes --city. */
    boolean cityWanted(String city) {
        Set<String> cities = cityFilter();
        return cities == null || cities.contains(normalCity(city));
    }

    private Set<String> cityFilter() {
        if (options.cities == null) {
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        options.cities.forEach(c -> set.add(normalCity(c)));
        return set;
    }

    /** 北京 and 北京市 name the same city. */
    static String normalCity(String city) {
        if (city == null) {
            return "";
        }
        String c = city.trim();
        return c.length() > 2 && c.endsWith("市") ? c.substring(0, c.length() - 1) : c;
    }

    /** The first natural day the grid covers from its first hour (01:00) on. */
    static java.time.LocalDate firstFullDay(HourlyGrid grid) {
        java.time.LocalDateTime first = grid.firstHour();
        java.time.LocalDate dayOfFirst = first.minusHours(1).toLocalDate();
        return first.getHour() == 1 ? dayOfFirst : dayOfFirst.plusDays(1);
    }

    String cityOf(String code) {
        Station s = byCode.get(code);
        return s == null ? null : s.city();
    }

    /**
     * Prints the bad-input summary to stderr and returns the exit code: 1 when nothing valid was read,
     * or on any bad row under --strict; else 0.
     */
    int finish(PrintStream err) {
        report.printProblems(err);
        if (report.hasProblems()) {
            err.println("envhub: " + report.problemCount() + " bad input row(s) or value(s) skipped; the rest was used.");
        }
        if (hourlyValues == 0) {
            err.println("envhub: no valid value was read from the inputs.");
            return 1;
        }
        return options.strict && report.hasProblems() ? 1 : 0;
    }
}
