package org.envhub.standards.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongCsvReaderTest {

    @Test
    void readsOneValueARowOntoAGridFromTheFirstToTheLastHour(@TempDir Path dir) throws IOException {
        Path file = TestFiles.writeGz(dir, "long.csv.gz", """
                time,station,pollutant,value
                2023-01-20T01:00,1002A,PM2.5,36
                2023-01-20T03:00,1001A,pm2_5,40
                2023-01-20T03:00,1001A,CO,0.8
                2023-01-20T02:00:00,1001A,O3,
                """);
        ReadReport report = new ReadReport();
        HourlyGrid g = LongCsvReader.read(file, report);
        assertThat(g.firstHour()).isEqualTo(LocalDateTime.of(2023, 1, 20, 1, 0));
        assertThat(g.hours()).isEqualTo(3);
        assertThat(g.series()).containsExactly("1001A", "1002A");
        assertThat(g.value(Pollutant.PM25, 1, 0)).isEqualTo(36);
        assertThat(g.value(Pollutant.PM25, 0, 2)).isEqualTo(40);
        assertThat(g.value(Pollutant.CO, 0, 2)).isEqualTo(0.8);
        assertThat(g.value(Pollutant.O3, 0, 1)).isNaN();
        assertThat(g.value(Pollutant.PM25, 0, 0)).isNaN();
        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.values()).isEqualTo(3);
    }

    @Test
    void badRowsAreReportedWithTheirLineAndSkipped() {
        List<String> lines = List.of(
                "station,time,value,pollutant,note",
                "1001A,2023-01-20T01:00,36,PM2.5,ok",
                "1001A,2023/01/20 02:00,36,PM2.5,",
                "1001A,2023-01-20T02:30,36,PM2.5,",
                "1001A,2023-01-20T02:00,36,PM1,",
                "1001A,2023-01-20T02:00,n/a,PM10,",
                ",2023-01-20T02:00,5,SO2,",
                "1001A,2023-01-20T02:00",
                "1001A,2023-01-20T01:00,99,PM25,again",
                "1001A,2023-01-20T02:00,7,SO2,ok");
        ReadReport report = new ReadReport();
        HourlyGrid g = LongCsvReader.read(lines, "long.csv", report);
        assertThat(g.value(Pollutant.PM25, 0, 0)).isEqualTo(36);
        assertThat(g.value(Pollutant.SO2, 0, 1)).isEqualTo(7);
        assertThat(report.problems()).extracting(ReadProblem::toString).containsExactly(
                "long.csv:3: time '2023/01/20 02:00' is not an ISO local time like 2023-01-20T01:00; row skipped",
                "long.csv:4: time 2023-01-20T02:30 is not a whole hour; row skipped",
                "long.csv:5: unknown pollutant 'PM1' (expected one of SO2, NO2, CO, O3, PM10, PM2.5); row skipped",
                "long.csv:6: station 1001A PM10: value 'n/a' is not a number; row skipped",
                "long.csv:7: no station; row skipped",
                "long.csv:8: row has 2 columns, needs 4; row skipped",
                "long.csv:9: station 1001A PM2.5 at 2023-01-20T01:00 given again; the first is kept");
    }

    @Test
    void aHeaderWithoutTheFourColumnsIsReported() {
        ReadReport report = new ReadReport();
        HourlyGrid g = LongCsvReader.read(List.of("date,hour,type,1001A", "20230120,1,PM2.5,3"), "wide.csv", report);
        assertThat(g.hours()).isZero();
        assertThat(report.problems()).singleElement().asString()
                .isEqualTo("wide.csv:1: header lacks 'time'; expected time,station,pollutant,value");
    }
}
