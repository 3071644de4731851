package org.envhub.platform.air.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code envhub air} commands on the national data shipped in {@code data/} (CNEMC, 20–23 January
 * 2023), checked against what the national platform published.
 */
class AirCommandTest {

    static final String FIRST_DAY = "../data/cnemc-hourly/china_sites_20230120.csv.gz";
    static final String ALL_DAYS = "../data/cnemc-hourly";

    @Test
    void hourlyReproducesThePublishedAqiOfEveryStationHourOfADay() throws IOException {
        CommandRun run = CommandRun.of("air", "hourly", "--rules", "cnemc", "--format", "csv", FIRST_DAY);
        assertThat(run.exitCode()).isZero();
        String[] lines = run.lines();
        assertThat(lines[0]).isEqualTo("time,station,city,aqi,level,primary,so2_iaqi,no2_iaqi,co_iaqi,o3_iaqi,pm10_iaqi,pm25_iaqi");

        Map<String, String> published = publishedAqi(Path.of(FIRST_DAY));
        int compared = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            String official = published.get(cells[0] + " " + cells[1]);
            if (official != null && !official.isEmpty()) {
                assertThat(cells[3]).as(lines[i]).isEqualTo(official);
                compared++;
            }
        }
        // Every published AQI of the day has a row to compare against.
        long publishedCount = published.values().stream().filter(v -> !v.isEmpty()).count();
        assertThat(compared).isEqualTo(publishedCount).isGreaterThan(39_000);
    }

    @Test
    void hourlyNamesTiedPrimaryPollutantsAndLevels() {
        CommandRun run = CommandRun.of("air", "hourly", "--station", "1001A", "--format", "csv", FIRST_DAY);
        for (String line : run.lines()) {
            String[] c = line.split(",", -1);
            if (line.startsWith("time") || c[3].isEmpty()) {
                continue;
            }
            int aqi = Integer.parseInt(c[3]);
            // The primary pollutant exists only above 50, and names every item at the AQI.
            assertThat(c[5].isEmpty()).as(line).isEqualTo(aqi <= 50);
            String[] names = {"SO2", "NO2", "CO", "O3", "PM10", "PM2.5"};
            for (int k = 0; k < names.length; k++) {
                boolean atTop = !c[6 + k].isEmpty() && Integer.parseInt(c[6 + k]) == aqi;
                assertThat(List.of(c[5].split("\\+")).contains(names[k])).as(line).isEqualTo(aqi > 50 && atTop);
            }
            assertThat(c[4]).isEqualTo(aqi <= 50 ? "优" : aqi <= 100 ? "良" : aqi <= 150 ? "轻度污染" : aqi <= 200 ? "中度污染" : aqi <= 300 ? "重度污染" : "严重污染");
        }
    }

    @Test
    void rollingMatchesThePublishedMovingValuesOnWholeWindows() throws IOException {
        CommandRun run = CommandRun.of("air", "rolling", "--station", "1001A,1003A", "--format", "csv", ALL_DAYS);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()[0]).isEqualTo("time,station,pm25_24h,pm10_24h,so2_24h,no2_24h,co_24h,o3_24h,o3_8h,o3_8h_24h");
        Map<String, String> published = published(Path.of("../data/cnemc-hourly/china_sites_20230122.csv.gz"), "PM2.5_24h");
        int compared = 0;
        int equal = 0;
        for (String line : run.lines()) {
            String[] c = line.split(",", -1);
            String official = published.get(c[0] + " " + c[1]);
            if (official != null && !official.isEmpty()) {
                compared++;
                equal += official.equals(c[2]) ? 1 : 0;
            }
        }
        // 22 January lies wholly after the first day, so every 24h window is inside the files.
        assertThat(compared).isEqualTo(48);
        assertThat(equal).isGreaterThanOrEqualTo(47);
    }

    @Test
    void dailyByCityAveragesTheEvaluationStations() {
        CommandRun run = CommandRun.of("air", "daily", "--by", "city", "--city", "北京市", "--format", "csv", ALL_DAYS);
        assertThat(run.exitCode()).isZero();
        String[] lines = run.lines();
        assertThat(lines[0]).isEqualTo("date,station_or_city,aqi,level,primary,so2,no2,co,pm10,pm25,o3_1h_max,o3_8h_max,valid");
        // 20, 21, 22 and 23 January (the 23rd lacks only its last hour, 00:00 of the 24th).
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).startsWith("2023-01-20,北京,");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).endsWith(",true");
        }
    }

    @Test
    void reportRanksEveryCityWithTiesSharingARank() {
        CommandRun run = CommandRun.of("air", "report", "--by", "city", "--format", "csv", ALL_DAYS);
        assertThat(run.exitCode()).isZero();
        String[] lines = run.lines();
        assertThat(lines[0]).startsWith("rank,city,composite_index,primary,");
        assertThat(lines.length - 1).isGreaterThan(330);
        assertThat(run.err()).contains("2023-01-20 … 2023-01-23").contains("hj633-2012").contains("GB 3095-2012");
        int previousRank = 0;
        String previousIndex = null;
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",", -1);
            if (c[0].isEmpty()) {
                continue;
            }
            int rank = Integer.parseInt(c[0]);
            if (c[2].equals(previousIndex)) {
                assertThat(rank).as(lines[i]).isEqualTo(previousRank);
            } else {
                assertThat(rank).as(lines[i]).isEqualTo(i);
            }
            previousRank = rank;
            previousIndex = c[2];
        }
    }

    @Test
    void jsonAndTableCarryTheSameRows() {
        CommandRun json = CommandRun.of("air", "report", "--city", "济南", "--format", "json", ALL_DAYS);
        CommandRun table = CommandRun.of("air", "report", "--city", "济南", ALL_DAYS);
        assertThat(json.out()).contains("\"city\" : \"济南\"").contains("\"composite_index\" : ");
        assertThat(table.lines()).hasSize(3);
        // The terminal table keeps to the key columns; JSON (and CSV) carry every statistic.
        assertThat(table.lines()[0]).contains("composite_index").contains("good_day_ratio").doesNotContain("so2_p98");
        assertThat(json.out()).contains("\"so2_p98\"");
        assertThat(table.lines()[2]).contains("济南");
    }

    @Test
    void aBadRowIsReportedWithItsFileAndLineAndTheRestIsKept(@TempDir Path dir) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(unzip(Path.of(FIRST_DAY), dir.resolve("source.csv"))));
        String header = lines.get(0);
        int row = 0;
        while (!lines.get(row).contains(",PM10,")) {
            row++;
        }
        lines.set(row, lines.get(row).replaceFirst(",PM10,\\d+", ",PM10,abc"));
        Path bad = dir.resolve("china_sites_20230120.csv");
        Files.write(bad, lines, StandardCharsets.UTF_8);

        CommandRun lenient = CommandRun.of("air", "hourly", "--station", "1001A", "--format", "csv", bad.toString());
        assertThat(header).startsWith("date,hour,type,1001A");
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.err()).contains("china_sites_20230120.csv:" + (row + 1)).contains("abc");
        assertThat(lenient.lines()).hasSize(25);

        CommandRun strict = CommandRun.of("air", "hourly", "--strict", "--station", "1001A", bad.toString());
        assertThat(strict.exitCode()).isNotZero();
    }

    @Test
    void nothingValidGivesANonZeroExit(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("china_sites_20230101.csv");
        Files.writeString(empty, "date,hour,type,1001A\n");
        CommandRun run = CommandRun.of("air", "daily", empty.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("no valid value");
    }

    @Test
    void aLongCsvGivesTheSameAqiAsTheStationFile(@TempDir Path dir) throws IOException {
        // Station 1001A's first hours, written as time,station,pollutant,value.
        CommandRun wide = CommandRun.of("air", "hourly", "--rules", "cnemc", "--station", "1001A", "--format", "csv", FIRST_DAY);
        StringBuilder longCsv = new StringBuilder("time,station,pollutant,value\n");
        Map<String, String> so2 = published(Path.of(FIRST_DAY), "SO2"), no2 = published(Path.of(FIRST_DAY), "NO2");
        Map<String, String> co = published(Path.of(FIRST_DAY), "CO"), o3 = published(Path.of(FIRST_DAY), "O3");
        Map<String, String> pm10 = published(Path.of(FIRST_DAY), "PM10"), pm25 = published(Path.of(FIRST_DAY), "PM2.5");
        String[] names = {"SO2", "NO2", "CO", "O3", "PM10", "PM2.5"};
        List<Map<String, String>> columns = List.of(so2, no2, co, o3, pm10, pm25);
        for (int h = 0; h < 24; h++) {
            String time = String.format("2023-01-20T%02d:00", h);
            for (int k = 0; k < names.length; k++) {
                String v = columns.get(k).get(time + " 1001A");
                if (v != null && !v.isEmpty()) {
                    longCsv.append(time).append(",1001A,").append(names[k]).append(',').append(v).append('\n');
                }
            }
        }
        longCsv.append("2023-01-20T05:00,1001A,PM2.5,not-a-number\n");
        Path file = dir.resolve("long.csv");
        Files.writeString(file, longCsv);

        CommandRun run = CommandRun.of("air", "hourly", "--rules", "cnemc", "--format", "csv", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("long.csv:").contains("not-a-number");
        assertThat(run.out()).isEqualTo(wide.out());
    }

    @Test
    void aMissingFileOrAnUnknownRuleSetIsNamedInOneLine() {
        CommandRun missing = CommandRun.of("air", "daily", "no-such-file.csv");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such-file.csv").doesNotContain("Exception");
        CommandRun rules = CommandRun.of("air", "daily", "--rules", "hj999", FIRST_DAY);
        assertThat(rules.exitCode()).isEqualTo(2);
        assertThat(rules.err()).contains("hj999").contains("hj633-2026");
    }

    private static Path unzip(Path gz, Path to) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, to);
        }
        return to;
    }

    /** {"2023-01-20T05:00 1001A" -> "23"} for the AQI rows of a CNEMC file. */
    static Map<String, String> publishedAqi(Path file) throws IOException {
        return published(file, "AQI");
    }

    static Map<String, String> published(Path file, String type) throws IOException {
        Map<String, String> values = new HashMap<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] c = line.split(",", -1);
                if (!c[2].equals(type)) {
                    continue;
                }
                String date = c[0];
                String time = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8)
                        + "T" + String.format("%02d:00", Integer.parseInt(c[1]));
                for (int k = 3; k < header.length; k++) {
                    values.putIfAbsent(time + " " + header[k], k < c.length ? c[k] : "");
                }
            }
        }
        return values;
    }
}
