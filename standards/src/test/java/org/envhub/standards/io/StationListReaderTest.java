package org.envhub.standards.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.envhub.standards.air.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationListReaderTest {

    private static final Path SHIPPED = Path.of("../data/cnemc-stations.csv.gz");

    @Test
    void theNationalListOf2022() {
        ReadReport report = new ReadReport();
        List<Station> stations = StationListReader.read(SHIPPED, report);
        Map<String, Station> byCode = stations.stream().collect(Collectors.toMap(Station::code, Function.identity()));

        assertThat(report.problems()).isEmpty();
        assertThat(stations).hasSize(2026);
        assertThat(report.rows()).isEqualTo(2026);
        assertThat(stations.stream().filter(Station::control)).hasSize(250);
        assertThat(stations.stream().filter(s -> !s.hasCoordinates()).map(Station::code))
                .containsExactly("1045A", "1202A", "1254A", "1347A", "2172A", "2184A", "2302A", "2592A", "2666A", "3019A");
        assertThat(byCode.get("3019A").longitude()).isNaN(); // written "-"
        assertThat(byCode.get("1202A").latitude()).isNaN();  // left empty

        Station first = stations.get(0);
        assertThat(first).isEqualTo(new Station("1001A", "万寿西宫", "北京", 116.3621, 39.8784, false));
        assertThat(byCode.get("1002A").name()).isEqualTo("定陵(对照点)");
        assertThat(byCode.get("1002A").control()).isTrue();
        // Full-width brackets and inner spaces stay as published.
        assertThat(byCode.get("1436A").name()).isEqualTo("草堂寺（已停运）");
        assertThat(byCode.get("1837A").name()).isEqualTo("二  印");
        assertThat(byCode.get("2165A").name()).isEqualTo("白马寺 (对照点)");
        // One station under two codes is two entries of the list.
        assertThat(byCode).containsKeys("3618A", "1089A");
    }

    @Test
    void badRowsAreReportedAndSkippedAndTheRestKept() {
        List<String> lines = List.of(
                "监测点编码,监测点名称,城市,经度,纬度,对照点",
                "1001A,  万寿西宫 ,北京,116.3621,39.8784,N",
                "1002A,定陵,北京,东经116,40.2915,Y",
                "1003A,东四,北京,116.4174,39.9289",
                "1004A,天坛,北京,116.4072,39.8863,maybe",
                "1001A,重复,北京,1,1,N",
                ",无编码,北京,1,1,N",
                "",
                "1005A,农展馆,北京,-,,Y",
                "1006A,远点,北京,200,39,N");
        ReadReport report = new ReadReport();
        List<Station> stations = StationListReader.read(lines, "list.csv", report);
        assertThat(stations).extracting(Station::code).containsExactly("1001A", "1005A");
        assertThat(stations.get(0).name()).isEqualTo("万寿西宫");
        assertThat(stations.get(1).hasCoordinates()).isFalse();
        assertThat(stations.get(1).control()).isTrue();
        assertThat(report.problems()).extracting(ReadProblem::toString).containsExactly(
                "list.csv:3: station 1002A: 经度 '东经116' is not a number; row skipped",
                "list.csv:4: row has 5 of 6 columns; row skipped",
                "list.csv:5: station 1004A: 对照点 'maybe' is neither Y nor N; row skipped",
                "list.csv:6: station 1001A already listed on line 2; the first is kept",
                "list.csv:7: no station code (监测点编码); row skipped",
                "list.csv:10: station 1006A: 经度 200 is outside ±180; row skipped");
    }

    @Test
    void columnsAreFoundByNameAndAWrongHeaderIsReported() {
        ReadReport report = new ReadReport();
        List<Station> stations = StationListReader.read(List.of(
                "对照点,纬度,经度,城市,监测点名称,监测点编码",
                "N,39.8784,116.3621,北京,万寿西宫,1001A"), "swapped.csv", report);
        assertThat(stations).containsExactly(new Station("1001A", "万寿西宫", "北京", 116.3621, 39.8784, false));

        List<Station> none = StationListReader.read(List.of("code,name", "1001A,x"), "other.csv", report);
        assertThat(none).isEmpty();
        assertThat(report.problems()).singleElement().asString()
                .isEqualTo("other.csv:1: header lacks 监测点编码, 监测点名称, 城市, 经度, 纬度, 对照点; not a station list");
    }

    @Test
    void aListSavedAsGb18030ByASpreadsheetIsReadToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "监测点编码,监测点名称,城市,经度,纬度,对照点\r\n1001A,万寿西宫,北京,116.3621,39.8784,N\r\n"
                .getBytes(Charset.forName("GB18030")));
        ReadReport report = new ReadReport();
        assertThat(StationListReader.read(file, report)).singleElement().extracting(Station::name).isEqualTo("万寿西宫");
        assertThat(report.problems()).isEmpty();
    }
}
