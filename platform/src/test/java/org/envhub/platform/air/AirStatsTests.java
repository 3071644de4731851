package org.envhub.platform.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.envhub.platform.imports.HourlyImporter;
import org.envhub.platform.support.TwoDistricts;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.air.stats.CityAggregation;
import org.envhub.standards.air.stats.DailyAqi;
import org.envhub.standards.air.stats.DailyOptions;
import org.envhub.standards.air.stats.DailyStatistics;
import org.envhub.standards.air.stats.ReportOptions;
import org.envhub.standards.air.stats.ReportRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * City days, ranking and report through the platform (import → stored daily results → API) agree with the
 * standards library called directly on the same hours. Run on H2 and PostgreSQL by the subclasses.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AirStatsTests {

    static final LocalDate DAY = LocalDate.of(2023, 2, 10);

    @Autowired MockMvc mvc;
    @Autowired TwoDistricts data;
    @Autowired HourlyImporter importer;

    private HourlyGrid grid;

    @BeforeEach
    void data() {
        data.ensure();
        // A whole natural day (01:00 … 24:00) and the day after's first hours for the three stations of 测试市.
        grid = new HourlyGrid(DAY.atTime(1, 0), 30, List.of("TA1", "TA2", "TB1"));
        for (int s = 0; s < 3; s++) {
            for (int h = 0; h < 30; h++) {
                grid.set(Pollutant.PM25, s, h, 20 + 15 * s + (h % 7) * 3);
                grid.set(Pollutant.PM10, s, h, 60 + 10 * s + (h % 5) * 4);
                grid.set(Pollutant.SO2, s, h, 6 + s);
                grid.set(Pollutant.NO2, s, h, 25 + (h % 9));
                grid.set(Pollutant.CO, s, h, 0.5 + 0.1 * s);
                grid.set(Pollutant.O3, s, h, 40 + 6 * Math.abs(12 - h % 24));
            }
        }
        long id = data.importId();
        importer.importGrid(id, "stats-fixture", grid, 30, List.of(), "tester");
    }

    private String get200(String url, String... params) throws Exception {
        var request = get(url).with(httpBasic("bureau1", TwoDistricts.PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return new String(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static List<Station> stations() {
        return List.of(new Station("TA1", "甲一站", "测试市", 116.1, 39.9, false), new Station("TA2", "甲二站", "测试市", 116.2, 39.8, false),
                new Station("TB1", "乙一站", "测试市", 116.3, 39.7, false));
    }

    @Test
    void theCityDayIsTheStandardsCityDay() throws Exception {
        DailyGrid stationDaily = DailyStatistics.compute(grid, DAY, DAY, DailyOptions.defaults().withRules(RuleChoice.AUTO));
        DailyGrid cityDaily = CityAggregation.of(stations()).cityDaily(stationDaily);
        DailyAqi aqi = DailyAqi.compute(cityDaily, RuleChoice.AUTO);
        int city = cityDaily.seriesIndex("测试市");

        String body = get200("/api/air/cities/测试市/daily", "from", DAY.toString(), "to", DAY.toString());
        List<Map<String, Object>> days = JsonPath.read(body, "$[*]");
        assertThat(days).hasSize(1);
        Map<String, Object> d = days.getFirst();
        assertThat(d.get("aqi")).isEqualTo(aqi.aqi(city, 0));
        assertThat(d.get("ruleSet")).isEqualTo("hj633-2012");
        assertThat(((Number) d.get("pm25")).doubleValue()).isCloseTo(cityDaily.value(DailyStatistic.PM25, city, 0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) d.get("o3Max8h")).doubleValue()).isCloseTo(cityDaily.value(DailyStatistic.O3_MAX_8H, city, 0), org.assertj.core.data.Offset.offset(1e-9));
        String primary = aqi.result(city, 0).primaryLabel();
        assertThat(d.get("primary")).isEqualTo(primary.isEmpty() ? null : primary);
    }

    @Test
    void rankingAndReportAreTheStandardsReport() throws Exception {
        AirReport expected = AirReport.compute(stations(), grid, DAY, DAY, RuleChoice.AUTO,
                ReportOptions.defaults().withLevel(AirReport.Level.CITY).withRanksIncomplete(true));
        ReportRow row = expected.row("测试市");

        String ranking = get200("/api/air/ranking", "from", DAY.toString(), "to", DAY.toString());
        List<Map<String, Object>> rows = JsonPath.read(ranking, "$[?(@.city == '测试市')]");
        assertThat(rows).hasSize(1);
        assertThat(((Number) rows.getFirst().get("compositeIndex")).doubleValue()).isEqualTo(row.index().published());
        assertThat(((Number) rows.getFirst().get("goodDayRatio")).doubleValue()).isEqualTo(row.goodDays().publishedPercent());
        assertThat(rows.getFirst().get("rank")).isEqualTo(1); // the only city with data that day

        String report = get200("/api/air/report", "city", "测试市", "from", DAY.toString(), "to", DAY.toString());
        assertThat(JsonPath.<Double>read(report, "$.figures.compositeIndex")).isEqualTo(row.index().published());
        assertThat(JsonPath.<List<Double>>read(report, "$.statistics[?(@.item == 'pm25_mean')].value").getFirst())
                .isCloseTo(row.statistics().mean(Pollutant.PM25), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(JsonPath.<List<String>>read(report, "$.ruleSets")).containsExactly("hj633-2012 " + DAY + ".." + DAY);

        String csv = get200("/api/air/ranking", "from", DAY.toString(), "to", DAY.toString(), "format", "csv");
        List<String> lines = new ArrayList<>(csv.lines().toList());
        assertThat(lines.getFirst()).startsWith("\uFEFF排名,城市,综合指数");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("1,测试市," + String.format("%.2f", row.index().published())
                .replaceAll("0+$", "").replaceAll("\\.$", "")));
    }

    /** The standards library's city row for a calendar period, from the fixture's station days placed in that period. */
    private ReportRow expectedCity(LocalDate start, LocalDate end) {
        DailyGrid day = DailyStatistics.compute(grid, DAY, DAY, DailyOptions.defaults().withRules(RuleChoice.AUTO));
        DailyGrid period = new DailyGrid(start, (int) (end.toEpochDay() - start.toEpochDay()) + 1, day.series());
        for (int s = 0; s < day.seriesCount(); s++) {
            for (DailyStatistic st : DailyStatistic.values()) {
                period.set(st, s, period.indexOf(DAY), day.value(st, s, 0));
            }
        }
        return AirReport.fromDaily(stations(), period, null, new org.envhub.standards.air.stats.Period(start, end), RuleChoice.AUTO,
                ReportOptions.defaults().withLevel(AirReport.Level.CITY).withRanksIncomplete(true)).row("测试市");
    }

    @Test
    void monthAndYearFiguresAreStoredAsTheStandardsComputeThem() throws Exception {
        ReportRow month = expectedCity(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28));
        ReportRow year = expectedCity(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));

        String months = get200("/api/air/periods/month/2023-02");
        assertThat(JsonPath.<List<Double>>read(months, "$[?(@.figures.city == '测试市')].figures.compositeIndex"))
                .containsExactly(month.index().published());
        assertThat(JsonPath.<List<Double>>read(months, "$[?(@.figures.city == '测试市')].figures.goodDayRatio"))
                .containsExactly(month.goodDays().publishedPercent());
        assertThat(JsonPath.<List<String>>read(months, "$[?(@.figures.city == '测试市')].lastDay")).containsExactly(DAY.toString());
        assertThat(JsonPath.<List<List<String>>>read(months, "$[?(@.figures.city == '测试市')].ruleSpans").getFirst())
                .containsExactly("hj633-2012 2023-02-01..2023-02-28");
        String years = get200("/api/air/periods/year/2023");
        assertThat(JsonPath.<List<Double>>read(years, "$[?(@.figures.city == '测试市')].figures.compositeIndex"))
                .containsExactly(year.index().published());
        assertThat(JsonPath.<List<Boolean>>read(years, "$[?(@.figures.city == '测试市')].figures.complete")).containsExactly(false);

        String summary = get200("/api/air/cities/测试市/summary");
        assertThat(JsonPath.<Double>read(summary, "$.month.compositeIndex")).isEqualTo(month.index().published());
        assertThat(JsonPath.<Double>read(summary, "$.year.compositeIndex")).isEqualTo(year.index().published());
        assertThat(JsonPath.<List<String>>read(get200("/api/air/periods"), "$[*].kind")).contains("month", "year");
        assertThat(get200("/api/air/periods/month/2023-02", "format", "csv").lines()).anySatisfy(l -> assertThat(l).contains(",测试市,"));
        mvc.perform(get("/api/air/periods/week/2023-02").with(httpBasic("bureau1", TwoDistricts.PASSWORD))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/air/periods/month/2023-13").with(httpBasic("bureau1", TwoDistricts.PASSWORD))).andExpect(status().isBadRequest());
    }

    @Test
    void aCorrectionReachesTheRankingOfAYearAlreadyInMemory() throws Exception {
        get200("/api/air/ranking", "from", DAY.toString(), "to", DAY.toString()); // the year is now held in memory
        HourlyGrid corrected = new HourlyGrid(grid.firstHour(), grid.hours(), grid.series());
        for (Pollutant p : Pollutant.values()) {
            for (int s = 0; s < grid.seriesCount(); s++) {
                for (int h = 0; h < grid.hours(); h++) {
                    corrected.set(p, s, h, p == Pollutant.PM25 ? grid.values(p, s)[h] * 3 : grid.values(p, s)[h]);
                }
            }
        }
        try {
            importer.importGrid(data.importId(), "correction", corrected, 30, List.of(), "tester");
            ReportRow row = AirReport.compute(stations(), corrected, DAY, DAY, RuleChoice.AUTO,
                    ReportOptions.defaults().withLevel(AirReport.Level.CITY).withRanksIncomplete(true)).row("测试市");
            List<Map<String, Object>> rows = JsonPath.read(get200("/api/air/ranking", "from", DAY.toString(), "to", DAY.toString()),
                    "$[?(@.city == '测试市')]");
            assertThat(((Number) rows.getFirst().get("compositeIndex")).doubleValue()).isEqualTo(row.index().published());
            // One day of data: the month's index is that day's.
            assertThat(JsonPath.<List<Double>>read(get200("/api/air/periods/month/2023-02"), "$[?(@.figures.city == '测试市')].figures.compositeIndex"))
                    .containsExactly(row.index().published());
        } finally {
            importer.importGrid(data.importId(), "stats-fixture", grid, 30, List.of(), "tester"); // as the other tests expect
        }
    }

    @Test
    void aBadDateIsNamed() throws Exception {
        mvc.perform(get("/api/air/ranking").param("from", "2023-02-30").with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("from")));
        mvc.perform(get("/api/air/report").param("city", "无此城市").param("from", DAY.toString()).param("to", DAY.toString())
                        .with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isNotFound());
    }

}
