package org.envhub.platform.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import org.envhub.platform.support.TwoDistricts;
import org.envhub.platform.water.demo.GeneratedWaterData;
import org.envhub.platform.water.demo.WaterDemoLoader;
import org.envhub.standards.air.ConcentrationRounding;
import org.envhub.standards.air.stats.Period;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.MainPollutant;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterReport;
import org.envhub.standards.water.WaterSample;
import org.envhub.standards.water.WaterSampleReader;
import org.envhub.standards.water.WaterSection;
import org.envhub.standards.water.WaterSectionListReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * End to end on the generated demo data set (data/water-generated, not real data): loaded by the demo loader through
 * the imports, evaluated, served by the API; every month's figures checked against the standards library run here on
 * the shipped files themselves, and the story the set is made to tell (failures, risks) checked as the API tells it.
 * The browser half is {@code WaterBrowserTest}. H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class WaterDemoTests {

    private static final Set<Class<?>> LOADED = ConcurrentHashMap.newKeySet();
    private static final Path DATA = Path.of("../data/water-generated");

    @Autowired MockMvc mvc;
    @Autowired TwoDistricts users;
    @Autowired WaterDemoLoader loader;
    @Autowired WaterImportService imports;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void load() throws Exception {
        users.ensure();
        if (LOADED.add(getClass())) {
            long t0 = System.nanoTime();
            loader.load();
            System.out.printf("water demo data loaded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private String get(String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(httpBasic("bureau1", TwoDistricts.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyMonthAndYearOfTheDemoIsWhatTheStandardsLibraryMakesOfTheShippedFiles() throws Exception {
        ReadReport report = new ReadReport();
        List<WaterSample> samples = WaterSampleReader.read(DATA.resolve(GeneratedWaterData.SAMPLES_FILE), report);
        assertThat(report.problems()).isEmpty();
        Map<String, WaterSection> sections = WaterSectionListReader.read(DATA.resolve(GeneratedWaterData.SECTIONS_FILE), new ReadReport());
        assertThat(sections).hasSize(31);
        WaterOptions options = WaterOptions.defaults();
        int checked = 0;
        for (YearMonth m = GeneratedWaterData.FIRST_MONTH; !m.isAfter(GeneratedWaterData.LAST_MONTH); m = m.plusMonths(1)) {
            checked += compare(WaterReport.compute(samples, sections, Period.month(m), null, options), "month=" + m);
        }
        for (int y : new int[] {2024, 2025}) {
            checked += compare(WaterReport.compute(samples, sections, Period.year(y), null, options), "year=" + y);
        }
        assertThat(checked).isEqualTo(31 * (18 + 2));
    }

    private int compare(WaterReport want, String period) throws Exception {
        String body = get("/api/water/evaluation?" + period);
        int n = 0;
        for (WaterReport.SectionRow row : want.sections()) {
            Map<String, Object> got = JsonPath.<List<Map<String, Object>>>read(body, "$[?(@.code == '" + row.section().code() + "')]").getFirst();
            String what = row.section().code() + " " + period;
            assertThat(got.get("waterClass")).as(what).isEqualTo(row.waterClass().label());
            assertThat(got.get("attained")).as(what).isEqualTo(row.attained());
            assertThat(got.get("samples")).as(what).isEqualTo(row.period().samples());
            assertThat(((Number) got.get("cwqi")).doubleValue()).as(what)
                    .isEqualTo(ConcentrationRounding.round(row.period().evaluation().cwqi().value(), 4));
            List<MainPollutant> main = row.period().evaluation().mainPollutants();
            assertThat(got.get("mainPollutants")).as(what).isEqualTo(main.isEmpty() ? null : MainPollutant.format(main, 2, true));
            n++;
        }
        WaterReport.CityRow city = want.cities().getFirst();
        Map<String, Object> got = JsonPath.read(get("/api/water/areas?kind=city&" + period), "$[0]");
        assertThat(got.get("name")).isEqualTo("济南");
        assertThat(((Number) got.get("goodRatio")).doubleValue()).as(period).isEqualTo(ConcentrationRounding.round(100 * city.goodRatio(), 1));
        assertThat(((Number) got.get("cwqi")).doubleValue()).as(period).isEqualTo(ConcentrationRounding.round(city.cwqi().value(), 4));
        assertThat(got.get("quality")).as(period).isEqualTo(city.rating().quality().label());
        assertThat(got.get("attained")).as(period).isEqualTo(city.attained());
        return n;
    }

    @Test
    void theLatestMonthShowsTheFailuresAndRisksTheSetIsMadeOf() throws Exception {
        String summary = get("/api/water/summary");
        assertThat(JsonPath.<String>read(summary, "$.month")).isEqualTo(GeneratedWaterData.LAST_MONTH.toString());
        assertThat(JsonPath.<Integer>read(summary, "$.sections")).isEqualTo(31);
        List<String> levels = JsonPath.read(get("/api/water/sections"), "$[*].level");
        assertThat(levels.stream().filter(l -> !l.equals("municipal"))).as("national and provincial sections").hasSize(28);

        String risks = get("/api/water/risks");
        assertThat(JsonPath.<Integer>read(summary, "$.risks")).isEqualTo(JsonPath.<List<Object>>read(risks, "$").size());
        Map<String, Object> rising = JsonPath.<List<Map<String, Object>>>read(risks, "$[?(@.code == 'JN-XQ04')]").getFirst();
        assertThat(JsonPath.<String>read(rising, "$.driver.item")).isEqualTo("nh3n");
        assertThat(JsonPath.<String>read(rising, "$.driver.reason")).isEqualTo("trend");
        assertThat(rising.get("status")).isEqualTo("风险");
        Map<String, Object> over = JsonPath.<List<Map<String, Object>>>read(risks, "$[?(@.code == 'JN-XZ01')]").getFirst();
        assertThat(over.get("status")).isEqualTo("超标");
        assertThat(JsonPath.<String>read(over, "$.driver.item")).isEqualTo("nh3n");
        assertThat(JsonPath.<String>read(over, "$.driver.message")).startsWith("氨氮 月均 ").contains("超过 IV 类限值 1.5");
        // "A few": some over their target, some at risk, most neither.
        List<String> statuses = JsonPath.read(risks, "$[*].status");
        assertThat(statuses).contains("超标", "风险").hasSizeLessThan(16);
        assertThat(JsonPath.<Integer>read(summary, "$.over")).isEqualTo((int) statuses.stream().filter("超标"::equals).count());

        // The annual figures a bulletin would quote for 2024: all targets met, most water good.
        String year = get("/api/water/areas?kind=city&year=2024");
        assertThat(JsonPath.<Integer>read(year, "$[0].attained")).isEqualTo(31);
        assertThat(JsonPath.<Double>read(year, "$[0].goodRatio")).isGreaterThan(75.0);
    }

    @Test
    void aSecondLoadOrImportOfTheDemoAddsNothing() throws Exception {
        assertThat(loader.loaded()).isTrue();
        long values = jdbc.sql("select count(*) from water_sample").query(Long.class).single();
        loader.ready(); // what a later start does: the marker says it is done
        loader.await();
        var again = imports.importFiles(List.of(DATA.resolve(GeneratedWaterData.SAMPLES_FILE)), "tester").getFirst();
        assertThat(again.valuesAdded()).isZero();
        assertThat(again.valuesReplaced()).isZero();
        assertThat(again.valuesSame()).isEqualTo((int) values);
        assertThat(jdbc.sql("select count(*) from water_sample").query(Long.class).single()).isEqualTo(values);
    }
}
