package org.envhub.standards.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.io.CnemcHourlyData;
import org.envhub.standards.io.CnemcHourlyReader;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.OfficialColumn;
import org.envhub.standards.io.ReadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four shipped CNEMC days read as a whole: shape, counts, the one oddity, and speed. */
class ShippedCnemcFilesTest {

    @Test
    void theFourDaysHaveEveryStationAndHourAndOneShortRow() {
        CnemcHourlyData d = RealData.hourly();
        HourlyGrid g = d.grid();
        assertThat(g.seriesCount()).isEqualTo(2026);
        assertThat(g.firstHour()).isEqualTo(LocalDateTime.of(2023, 1, 20, 0, 0));
        assertThat(g.hours()).isEqualTo(96);
        // Counted independently of envhub (one line of Python over the files).
        assertThat(count(g, Pollutant.PM25)).isEqualTo(158_987);
        assertThat(count(g, Pollutant.PM10)).isEqualTo(159_094);
        assertThat(count(g, Pollutant.SO2)).isEqualTo(159_826);
        assertThat(count(g, Pollutant.NO2)).isEqualTo(159_717);
        assertThat(count(g, Pollutant.O3)).isEqualTo(159_749);
        assertThat(count(g, Pollutant.CO)).isEqualTo(159_555);
        assertThat(count(d.official(OfficialColumn.AQI))).isEqualTo(157_750);
        // First row of the first file: 20230120,0,AQI,20,19,... and 20230120,0,PM2.5,6,5,...
        int s = g.seriesIndex("1001A");
        assertThat(d.official(OfficialColumn.AQI)[s][0]).isEqualTo(20);
        assertThat(g.value(Pollutant.PM25, s, 0)).isEqualTo(6);
        assertThat(g.value(Pollutant.PM25, g.seriesIndex("1002A"), 0)).isEqualTo(5);
        // The last row of 2023-01-20 stops after 1,735 stations; nothing else is wrong.
        List<ReadProblem> problems = d.report().problems();
        problems.forEach(System.out::println);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("china_sites_20230120.csv.gz");
            assertThat(p.line()).isEqualTo(361);
            assertThat(p.reason()).startsWith("row has 1738 of 2029 columns; no values for 291 stations");
        });
        assertThat(d.report().files()).isEqualTo(4);
        assertThat(d.report().rows()).isEqualTo(4 * 360);
    }

    private static long count(HourlyGrid g, Pollutant p) {
        long n = 0;
        for (int s = 0; s < g.seriesCount(); s++) {
            for (double v : g.values(p, s)) {
                n += Double.isNaN(v) ? 0 : 1;
            }
        }
        return n;
    }

    private static long count(double[][] values) {
        long n = 0;
        for (double[] row : values) {
            for (double v : row) {
                n += Double.isNaN(v) ? 0 : 1;
            }
        }
        return n;
    }

    /**
     * Parse speed: the shipped days written out again as 40 plain daily files with new dates (80 MB,
     * 2,026 stations each), then read as a national year would be. Prints MB/s; asserts only a floor
     * that a loaded build machine still clears, and that every value arrived.
     */
    @Test
    void readsFortyNationalDaysQuickly(@TempDir Path dir) throws IOException {
        List<byte[]> days = new ArrayList<>();
        for (Path p : RealData.hourlyFiles()) {
            try (InputStream in = InputFiles.open(p)) {
                days.add(in.readAllBytes());
            }
        }
        int n = 40;
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        LocalDate first = LocalDate.of(2023, 3, 1);
        for (int k = 0; k < n; k++) {
            byte[] day = days.get(k % days.size()).clone();
            byte[] date = first.plusDays(k).format(DateTimeFormatter.BASIC_ISO_DATE).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < day.length; i++) {
                if (i == 0 || day[i - 1] == '\n') {
                    if (i + 8 <= day.length && day[i] == '2') {
                        System.arraycopy(date, 0, day, i, 8);
                    }
                }
            }
            Path f = dir.resolve("china_sites_" + first.plusDays(k).format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv");
            Files.write(f, day);
            files.add(f);
            bytes += day.length;
        }
        CnemcHourlyReader reader = new CnemcHourlyReader(EnumSet.of(OfficialColumn.AQI));
        reader.read(files); // warm up the JIT
        CnemcHourlyData d = null;
        double seconds = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) { // the best of two: the build machine is shared
            long start = System.nanoTime();
            d = reader.read(files);
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
        }
        double mbPerSecond = bytes / 1e6 / seconds;
        System.out.printf("read %d plain daily files (%.1f MB) in %.2f s: %.0f MB/s, %.0f files/s; a 366-day year would take about %.1f s%n",
                n, bytes / 1e6, seconds, mbPerSecond, n / seconds, 366 * seconds / n);

        List<Path> gz = RealData.hourlyFiles();
        long gzStart = System.nanoTime();
        CnemcHourlyData shipped = reader.read(gz);
        double gzSeconds = (System.nanoTime() - gzStart) / 1e9;
        long shippedBytes = days.stream().mapToLong(b -> b.length).sum();
        System.out.printf("read the %d shipped .csv.gz files (%.1f MB unpacked) in %.2f s: %.0f MB/s unpacked, %.0f files/s%n",
                gz.size(), shippedBytes / 1e6, gzSeconds, shippedBytes / 1e6 / gzSeconds, gz.size() / gzSeconds);

        assertThat(d.grid().hours()).isEqualTo(n * 24);
        assertThat(d.grid().seriesCount()).isEqualTo(2026);
        assertThat(d.report().values()).isEqualTo(10 * shipped.report().values());
        assertThat(mbPerSecond).isGreaterThan(20);
    }
}
