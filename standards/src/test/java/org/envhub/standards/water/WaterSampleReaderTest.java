package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envhub.standards.water.WaterItem.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.envhub.standards.io.ReadProblem;
import org.envhub.standards.io.ReadReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaterSampleReaderTest {

    private static List<WaterSample> read(ReadReport report, String... lines) {
        return WaterSampleReader.read(List.of(lines), "w.csv", report, BelowDetection.HALF_LIMIT);
    }

    private static List<String> reasons(ReadReport report) {
        return report.problems().stream().map(ReadProblem::toString).toList();
    }

    @Test
    void readsTheWideLayoutWithAbsentColumnsAndEmptyValues() {
        ReadReport report = new ReadReport();
        List<WaterSample> s = read(report,
                "section,time,water_body,ph,do,nh3n,tp,tn",
                "S1,2024-01-15,river,7.6,8.1,0.42,0.08,1.9",
                "S1,2024-02-15T10:30,river,7.4,,0.61,0.1,",
                "L1,2024-01-16 09:00,lake,8.2,7.0,0.2,0.03,0.8");
        assertThat(report.problems()).isEmpty();
        assertThat(s).hasSize(3);
        assertThat(s.get(0).time()).isEqualTo(LocalDateTime.of(2024, 1, 15, 0, 0));
        assertThat(s.get(0).values().get(NH3N)).isEqualTo(0.42);
        assertThat(s.get(0).values().has(COD)).isFalse();
        assertThat(s.get(1).time()).isEqualTo(LocalDateTime.of(2024, 2, 15, 10, 30));
        assertThat(s.get(1).values().has(DO)).isFalse();
        assertThat(s.get(1).values().has(TN)).isFalse();
        assertThat(s.get(2).body()).isEqualTo(WaterBody.LAKE);
        assertThat(s.get(2).time()).isEqualTo(LocalDateTime.of(2024, 1, 16, 9, 0));
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.values()).isEqualTo(13);
    }

    @Test
    void badRowsAreReportedWithFileLineAndReasonAndTheRestKept() {
        ReadReport report = new ReadReport();
        List<WaterSample> s = read(report,
                "section,time,water_body,ph,do,nh3n",
                "S1,2024-01-15,river,7.6,8.1,0.42",          // 2 good
                "S1,2024-13-15,river,7.6,8.1,0.42",          // 3 no 13th month
                "S1,2024-02-15,sea,7.6,8.1,0.42",            // 4 not a water body
                "S1,2024-03-15,river,7.6,8.1,abc",           // 5 not a number
                "S1,2024-04-15,river,7.6,-1,0.42",           // 6 negative
                "S1,2024-05-15,river,15,8.1,0.42",           // 7 pH above 14
                ",2024-06-15,river,7.6,8.1,0.42",            // 8 no section
                "S1,2024-07-15,river,7.6,8.1",               // 9 a column short
                "S1,2024-01-15,river,7.0,8.0,0.40",          // 10 same section and time as line 2
                "S1,2024-08-15,lake,7.0,8.0,0.40",           // 11 S1 is a river
                "",                                          // 12 blank, skipped quietly
                "S2,2024-01-15,reservoir,7.0,8.0,0.40");     // 13 good
        assertThat(s).extracting(WaterSample::section).containsExactly("S1", "S2");
        assertThat(reasons(report)).containsExactly(
                "w.csv:3: section S1: time '2024-13-15' is not an ISO date or date-time; row skipped",
                "w.csv:4: section S1: water body 'sea' is not river, lake or reservoir; row skipped",
                "w.csv:5: section S1: nh3n 'abc' is not a number; row skipped",
                "w.csv:6: section S1: do -1 is not a concentration (negative or not finite); row skipped",
                "w.csv:7: section S1: pH 15 is outside 0–14; row skipped",
                "w.csv:8: no section; row skipped",
                "w.csv:9: row has 5 of 6 columns; row skipped",
                "w.csv:10: section S1 at 2024-01-15T00:00 already read at w.csv:2; the first is kept",
                "w.csv:11: section S1 is a river (w.csv:2), not a lake; row skipped");
        // 11 data rows: the blank line is not one
        assertThat(report.rows()).isEqualTo(11);
    }

    @Test
    void valuesBelowTheDetectionLimit() {
        // 0.004L and <0.01: half the limit by default (0.002, 0.005); the limit or zero by option
        String[] lines = {"section,time,water_body,phenol,cn", "S1,2024-01-15,river,0.004L,<0.01"};
        WaterSample half = read(new ReadReport(), lines).get(0);
        assertThat(half.values().get(PHENOL)).isEqualTo(0.002);
        assertThat(half.values().get(CN)).isEqualTo(0.005);
        WaterSample limit = WaterSampleReader.read(List.of(lines), "w.csv", new ReadReport(), BelowDetection.LIMIT).get(0);
        assertThat(limit.values().get(PHENOL)).isEqualTo(0.004);
        WaterSample zero = WaterSampleReader.read(List.of(lines), "w.csv", new ReadReport(), BelowDetection.ZERO).get(0);
        assertThat(zero.values().get(CN)).isZero();
    }

    @Test
    void aHeaderWithoutTheKeyColumnsIsNotReadAndAnUnknownColumnIsReported() {
        ReadReport report = new ReadReport();
        assertThat(read(report, "section,date,ph", "S1,2024-01-15,7")).isEmpty();
        assertThat(reasons(report)).contains("w.csv:1: header lacks time, water_body; not a water sample file");

        ReadReport misspelt = new ReadReport();
        List<WaterSample> s = read(misspelt, "section,time,water_body,nh3_n,氨氮", "S1,2024-01-15,river,9,0.3");
        assertThat(reasons(misspelt)).containsExactly("w.csv:1: column 'nh3_n' is not a GB 3838 item; ignored");
        assertThat(s.get(0).values().get(NH3N)).isEqualTo(0.3);
    }

    @Test
    void readsGzipFilesAndKeepsOneWaterBodyPerSectionAcrossFiles(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("jan.csv");
        Files.writeString(plain, "section,time,water_body,nh3n\nS1,2024-01-15,river,0.4\n");
        Path gz = dir.resolve("feb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("section,time,water_body,nh3n\nS1,2024-02-15,river,0.6\nS1,2024-03-15,lake,0.6\n".getBytes(StandardCharsets.UTF_8));
        }
        ReadReport report = new ReadReport();
        List<WaterSample> s = WaterSampleReader.read(List.of(plain, gz), report, BelowDetection.HALF_LIMIT);
        assertThat(s).extracting(x -> x.values().get(NH3N)).containsExactly(0.4, 0.6);
        assertThat(report.files()).isEqualTo(2);
        assertThat(reasons(report)).containsExactly(gz + ":3: section S1 is a river (" + plain + ":2), not a lake; row skipped");
    }

    @Test
    void aMissingFileIsAProblemNotACrash(@TempDir Path dir) {
        ReadReport report = new ReadReport();
        assertThat(WaterSampleReader.read(dir.resolve("none.csv"), report)).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.line()).isZero());
    }

    @Test
    void readsTheSectionList() {
        ReadReport report = new ReadReport();
        Map<String, WaterSection> sections = WaterSectionListReader.read(List.of(
                "section,name,city,district,water_body,target",
                "S1,\"Bridge, east\",Alpha,North,river,III",
                "S2,,Alpha,,lake,Ⅱ",
                "S3,Dam,Beta,,reservoir,",
                "S1,again,Beta,,river,II",
                "S4,Bad,Beta,,river,VI"), "sections.csv", report);
        assertThat(sections.keySet()).containsExactly("S1", "S2", "S3");
        assertThat(sections.get("S1").name()).isEqualTo("Bridge, east");
        assertThat(sections.get("S1").target()).isEqualTo(WaterClass.III);
        assertThat(sections.get("S2").name()).isEqualTo("S2");
        assertThat(sections.get("S2").target()).isEqualTo(WaterClass.II);
        assertThat(sections.get("S3").target()).isNull();
        assertThat(sections.get("S3").body()).isEqualTo(WaterBody.RESERVOIR);
        assertThat(reasons(report)).containsExactly(
                "sections.csv:5: section S1 already listed on line 2; the first is kept",
                "sections.csv:6: section S4: 'VI' is not a water class (I, II, III, IV, V or 劣V); row skipped");
    }

    @Test
    void aSectionListNeedsOnlyTheSectionColumn() {
        ReadReport report = new ReadReport();
        Map<String, WaterSection> sections = WaterSectionListReader.read(List.of("section,city", "S1,Alpha", "S2,"), "s.csv", report);
        assertThat(report.problems()).isEmpty();
        assertThat(sections.get("S1").city()).isEqualTo("Alpha");
        assertThat(sections.get("S2").city()).isEqualTo(WaterSection.NO_CITY);
        assertThat(sections.get("S2").target()).isNull();
    }
}
