package org.envhub.standards.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnemcHourlyReaderTest {

    @TempDir
    Path dir;

    private static final LocalDateTime JAN20 = LocalDateTime.of(2023, 1, 20, 0, 0);

    private static double pm25(CnemcHourlyData d, String station, LocalDateTime hour) {
        HourlyGrid g = d.grid();
        return g.value(Pollutant.PM25, g.seriesIndex(station), g.indexOf(hour));
    }

    @Test
    void hourZeroIsLabelledMidnightOfItsDateAndHoursAreTheUnionOfFiles() throws IOException {
        Path a = TestFiles.write(dir, "china_sites_20230120.csv", """
                date,hour,type,1001A,1002A
                20230120,0,PM2.5,6,5
                20230120,23,PM2.5,16,15
                """);
        Path b = TestFiles.write(dir, "china_sites_20230122.csv", """
                date,hour,type,1002A,1003A
                20230122,1,PM2.5,25,7
                """);
        CnemcHourlyData d = new CnemcHourlyReader().read(List.of(b, a));
        HourlyGrid g = d.grid();
        assertThat(g.firstHour()).isEqualTo(JAN20);
        assertThat(g.hours()).isEqualTo(3 * 24);
        assertThat(g.series()).containsExactly("1001A", "1002A", "1003A");
        assertThat(pm25(d, "1001A", JAN20)).isEqualTo(6);
        assertThat(pm25(d, "1002A", JAN20.plusHours(23))).isEqualTo(15);
        assertThat(pm25(d, "1003A", LocalDateTime.of(2023, 1, 22, 1, 0))).isEqualTo(7);
        // A station absent from a file, and a day no file covers, are missing.
        assertThat(pm25(d, "1003A", JAN20)).isNaN();
        assertThat(pm25(d, "1002A", LocalDateTime.of(2023, 1, 21, 12, 0))).isNaN();
        assertThat(d.report().problems()).isEmpty();
        assertThat(d.report().rows()).isEqualTo(3);
        assertThat(d.report().values()).isEqualTo(6);
        assertThat(d.report().files()).isEqualTo(2);
    }

    @Test
    void eachOddityIsReportedWithFileAndLineAndTheGoodValuesAroundItAreKept() throws IOException {
        // CRLF endings and a trailing unnamed column, as in the published files.
        String text = String.join("\r\n",
                "date,hour,type,1001A,1002A,1001A,1003A,",
                "20230120,1,PM2.5,10,11,99,13,",
                "20230120,1,PM10,20,,99,23",           // empty cell: missing, not a problem
                "20230120,1,SO2,5,x7,99,8",            // bad number
                "20230120,1,NO2,30,31",                // short row
                "20230120,1,PM1,1,2,3,4",              // unknown type
                "20230120,1,PM2.5,50,51,52,53",        // the same hour and type again
                "20230120,24,CO,1,1,1,1",              // bad hour
                "2023012x,2,CO,1,1,1,1",               // bad date
                "20230120,2,CO,0.5,1.25,9,-1,,8",     // a value beyond the header
                "20230120,3,CO,1,2,3,4,5",             // a value under no station code
                "");
        Path file = TestFiles.write(dir, "odd.csv", text);
        CnemcHourlyData d = new CnemcHourlyReader().read(List.of(file));
        HourlyGrid g = d.grid();
        int h1 = g.indexOf(JAN20.plusHours(1));
        int h2 = g.indexOf(JAN20.plusHours(2));
        int s1 = g.seriesIndex("1001A");
        int s2 = g.seriesIndex("1002A");
        int s3 = g.seriesIndex("1003A");
        assertThat(g.series()).containsExactly("1001A", "1002A", "1003A");

        // The repeated column: the first is kept, 99 never lands.
        assertThat(g.value(Pollutant.PM25, s1, h1)).isEqualTo(10);
        assertThat(g.value(Pollutant.PM25, s2, h1)).isEqualTo(11);
        assertThat(g.value(Pollutant.PM25, s3, h1)).isEqualTo(13);
        assertThat(g.value(Pollutant.PM10, s2, h1)).isNaN();
        assertThat(g.value(Pollutant.PM10, s3, h1)).isEqualTo(23);
        assertThat(g.value(Pollutant.SO2, s1, h1)).isEqualTo(5);
        assertThat(g.value(Pollutant.SO2, s2, h1)).isNaN();
        assertThat(g.value(Pollutant.SO2, s3, h1)).isEqualTo(8);
        assertThat(g.value(Pollutant.NO2, s1, h1)).isEqualTo(30);
        assertThat(g.value(Pollutant.NO2, s2, h1)).isEqualTo(31);
        assertThat(g.value(Pollutant.NO2, s3, h1)).isNaN();
        assertThat(g.value(Pollutant.CO, s1, h2)).isEqualTo(0.5);
        assertThat(g.value(Pollutant.CO, s2, h2)).isEqualTo(1.25);
        assertThat(g.value(Pollutant.CO, s3, h2)).isEqualTo(-1);

        List<String> problems = d.report().problems().stream().map(ReadProblem::toString).toList();
        String src = file.toString();
        assertThat(problems).containsExactly(
                src + ":1: station 1001A repeated in column 6 (first in column 4); the first column is kept",
                src + ":4: station 1002A: 'x7' is not a number; cell left missing",
                src + ":5: row has 5 of 8 columns; no values for 1 station from 1003A on",
                src + ":6: unknown type 'PM1'; row skipped",
                src + ":7: repeated row: hour 2023-01-20 1 PM2.5 was already read at " + src + ":2; the first is kept",
                src + ":8: hour '24' is not 0..23; row skipped",
                src + ":9: date '2023012x' is not a date YYYYMMDD; row skipped",
                src + ":10: row has 9 columns, the header 8; 1 value beyond the header ignored",
                src + ":11: 1 value in columns with no station code ignored");
        assertThat(d.report().rows()).isEqualTo(10);
    }

    @Test
    void gzippedFilesAreReadAsPlainOnes() throws IOException {
        String text = "date,hour,type,1001A\n20230120,5,O3,61\n20230120,5,O3_8h,55\n";
        Path plain = TestFiles.write(dir, "a.csv", text);
        Path gz = TestFiles.writeGz(dir, "b.csv.gz", text.replace("20230120", "20230121"));
        CnemcHourlyData d = new CnemcHourlyReader(EnumSet.of(OfficialColumn.O3_8H)).read(List.of(plain, gz));
        HourlyGrid g = d.grid();
        assertThat(g.value(Pollutant.O3, 0, g.indexOf(JAN20.plusHours(5)))).isEqualTo(61);
        assertThat(g.value(Pollutant.O3, 0, g.indexOf(JAN20.plusHours(29)))).isEqualTo(61);
        assertThat(d.official(OfficialColumn.O3_8H)[0][g.indexOf(JAN20.plusHours(29))]).isEqualTo(55);
    }

    @Test
    void officialColumnsAreKeptOnlyWhenAskedFor() throws IOException {
        Path file = TestFiles.write(dir, "a.csv", "date,hour,type,1001A\n20230120,5,AQI,42\n20230120,5,PM2.5_24h,30\n");
        CnemcHourlyData d = new CnemcHourlyReader(EnumSet.of(OfficialColumn.AQI)).read(List.of(file));
        assertThat(d.kept()).containsExactly(OfficialColumn.AQI);
        assertThat(d.official(OfficialColumn.AQI, "1001A")[5]).isEqualTo(42);
        assertThatThrownBy(() -> d.official(OfficialColumn.PM25_24H)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PM2.5_24h");
        assertThat(d.official(OfficialColumn.AQI, "9999A")).isNull();
    }

    @Test
    void aRowDatedOutsideItsFileLandsOnItsOwnHourAndGrowsTheGrid() throws IOException {
        Path a = TestFiles.write(dir, "a.csv", """
                date,hour,type,1001A
                20230120,3,PM2.5,30
                20230118,4,PM2.5,40
                20230120,3,PM10,31
                """);
        Path b = TestFiles.write(dir, "b.csv", """
                date,hour,type,1001A
                20230120,3,PM2.5,99
                """);
        CnemcHourlyData d = new CnemcHourlyReader().read(List.of(a, b));
        assertThat(d.grid().firstHour()).isEqualTo(LocalDateTime.of(2023, 1, 18, 0, 0));
        assertThat(d.grid().hours()).isEqualTo(72);
        assertThat(pm25(d, "1001A", LocalDateTime.of(2023, 1, 18, 4, 0))).isEqualTo(40);
        assertThat(pm25(d, "1001A", LocalDateTime.of(2023, 1, 20, 3, 0))).isEqualTo(30);
        assertThat(d.grid().value(Pollutant.PM10, 0, d.grid().indexOf(LocalDateTime.of(2023, 1, 20, 3, 0)))).isEqualTo(31);
        assertThat(d.report().problems()).singleElement().asString()
                .startsWith(b + ":2: repeated row: hour 2023-01-20 3 PM2.5 was already read at " + a + ":2");
    }

    @Test
    void aFileThatIsNotAStationFileIsReportedAndTheOthersAreRead() throws IOException {
        Path bad = TestFiles.write(dir, "bad.csv", "time,station,pollutant,value\n");
        Path good = TestFiles.write(dir, "good.csv", "date,hour,type,1001A\n20230120,1,PM2.5,8\n");
        Path absent = dir.resolve("absent.csv");
        CnemcHourlyData d = new CnemcHourlyReader().read(List.of(bad, good, absent));
        assertThat(pm25(d, "1001A", JAN20.plusHours(1))).isEqualTo(8);
        assertThat(d.report().problems()).extracting(ReadProblem::toString).containsExactly(
                bad + ":1: not a CNEMC station file: the header should start with date,hour,type",
                absent + ": cannot read: no such file");
        assertThat(d.report().problems().get(0).line()).isEqualTo(1);
    }

    @Test
    void noFilesGiveAnEmptyGrid() {
        CnemcHourlyData d = new CnemcHourlyReader().read(List.of());
        assertThat(d.grid().hours()).isZero();
        assertThat(d.grid().seriesCount()).isZero();
    }

    @Test
    void numbersParseExactlyAsJavaDoes() throws IOException {
        String[] cells = {"0", "7", "0.1", "0.3", "1.25", "123.456", "999999", "000.5", "35.5", "  12 ", "+4", "1e2", ".5", "5."};
        StringBuilder header = new StringBuilder("date,hour,type");
        StringBuilder row = new StringBuilder("20230120,1,SO2");
        for (int i = 0; i < cells.length; i++) {
            header.append(",S").append(i);
            row.append(',').append(cells[i]);
        }
        Path file = TestFiles.write(dir, "n.csv", header + "\n" + row + "\n");
        CnemcHourlyData d = new CnemcHourlyReader().read(List.of(file));
        for (int i = 0; i < cells.length; i++) {
            int s = d.grid().seriesIndex("S" + i);
            assertThat(d.grid().value(Pollutant.SO2, s, 1)).as(cells[i]).isEqualTo(Double.parseDouble(cells[i].trim()));
        }
        assertThat(d.report().problems()).isEmpty();
    }

    @Test
    void aTruncatedGzipKeepsItsCompleteLinesBeforeTheCut() throws IOException {
        StringBuilder text = new StringBuilder("date,hour,type");
        for (int s = 0; s < 300; s++) {
            text.append(",S").append(1000 + s);
        }
        java.util.Random random = new java.util.Random(7);
        for (int h = 0; h < 24; h++) {
            text.append("\n20230120,").append(h).append(",PM2.5");
            for (int s = 0; s < 300; s++) {
                text.append(',').append(random.nextInt(500));
            }
        }
        text.append('\n');
        Path whole = TestFiles.writeGz(dir, "whole.csv.gz", text.toString());
        byte[] bytes = java.nio.file.Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.csv.gz");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CnemcHourlyData d = new CnemcHourlyReader().read(List.of(cut));
        CnemcHourlyData full = new CnemcHourlyReader().read(List.of(whole));
        ReadProblem problem = d.report().problems().get(0);
        assertThat(problem.reason()).startsWith("cannot read past line ").contains("the data ends early").endsWith("the lines before are kept");
        long kept = d.report().rows();
        assertThat(kept).isBetween(1L, 23L);
        assertThat(d.report().problems()).hasSize(1);
        for (int h = 0; h < 24; h++) {
            double value = d.grid().value(Pollutant.PM25, 299, h);
            if (h < kept) {
                assertThat(value).as("hour " + h).isEqualTo(full.grid().value(Pollutant.PM25, 299, h));
            } else {
                assertThat(value).as("hour " + h).isNaN();
            }
        }
    }
}
