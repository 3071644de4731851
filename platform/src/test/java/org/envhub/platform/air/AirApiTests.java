package org.envhub.platform.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.envhub.platform.support.TwoDistricts;
import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiLevel;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyConcentrations;
import org.envhub.standards.air.Pollutant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The air API on stored data; run on H2 and PostgreSQL by the subclasses. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AirApiTests {

    @Autowired MockMvc mvc;
    @Autowired TwoDistricts data;
    @Autowired HourlyValueStore store;
    @Autowired HourlyAqiService aqi;
    @Autowired LatestSnapshot snapshot;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void data() {
        data.ensure();
    }

    private MvcResult getAs(String url, String... params) throws Exception {
        var request = get(url).with(httpBasic("bureau1", TwoDistricts.PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }

    /** The expected AQI of the fixture's hour h at a station whose PM2.5 starts at pm25, computed here from the standard. */
    private static AqiResult expected(double pm25, int h) {
        return Aqi.hourly(AqiRuleSet.CNEMC, HourlyConcentrations.of(8, 30 + h, 0.6, 20 + 2 * h, pm25 * 1.5 + 5 * h, pm25 + 5 * h));
    }

    @Test
    void latestGivesEachStationsLastHourWithItsAqi() throws Exception {
        String body = getAs("/api/air/stations/latest").getResponse().getContentAsString();
        Map<String, Object> tb1 = JsonPath.<List<Map<String, Object>>>read(body, "$[?(@.code == 'TB1')]").getFirst();
        AqiResult want = expected(80, TwoDistricts.HOURS - 1);
        assertThat(tb1.get("aqi")).isEqualTo(want.aqi());
        assertThat(tb1.get("level")).isEqualTo(want.level().number());
        assertThat(tb1.get("category")).isEqualTo(want.level().category());
        assertThat(tb1.get("colour")).isEqualTo(want.level().hexColour());
        assertThat(tb1.get("primary")).isEqualTo(want.primaryLabel());
        assertThat(tb1.get("ruleSet")).isEqualTo("cnemc");
        assertThat(tb1.get("city")).isEqualTo("测试市");
        assertThat(((Number) tb1.get("pm25")).doubleValue()).isEqualTo(80 + 5 * (TwoDistricts.HOURS - 1));
        assertThat(((Number) tb1.get("lon")).doubleValue()).isEqualTo(116.3);
        // Labelled in Beijing time by the hour's end.
        assertThat(tb1.get("time")).isEqualTo(TwoDistricts.FIRST_LOCAL_HOUR.plusHours(TwoDistricts.HOURS - 1) + ":00+08:00");
    }

    @Test
    void browsersGetTheLatestGzippedAndItIsTheSameJson() throws Exception {
        MvcResult plain = mvc.perform(get("/api/air/stations/latest").with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isOk()).andReturn();
        MvcResult zipped = mvc.perform(get("/api/air/stations/latest").header("Accept-Encoding", "gzip, deflate")
                        .with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Encoding", "gzip")).andReturn();
        byte[] unzipped = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped.getResponse().getContentAsByteArray())).readAllBytes();
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo(plain.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(plain.getResponse().getHeader("Content-Encoding")).isNull();
    }

    @Test
    void storedAtUtcShownInBeijingTime() {
        LocalDateTime stored = jdbc.sql("select max(hour_end) from air_hourly where station_code = 'TA1'").query(LocalDateTime.class).single();
        assertThat(stored).isEqualTo(TwoDistricts.FIRST_LOCAL_HOUR.plusHours(TwoDistricts.HOURS - 1).minusHours(8));
    }

    @Test
    void hourlyGivesTheRequestedHoursWithAqiAndRuleSet() throws Exception {
        String body = getAs("/api/air/stations/TA2/hourly", "from", "2023-01-20T02:00", "to", "2023-01-20T04:00")
                .getResponse().getContentAsString();
        List<String> times = JsonPath.read(body, "$[*].time");
        assertThat(times).containsExactly("2023-01-20T02:00:00+08:00", "2023-01-20T03:00:00+08:00", "2023-01-20T04:00:00+08:00");
        List<Integer> aqis = JsonPath.read(body, "$[*].aqi");
        assertThat(aqis).containsExactly(expected(40, 1).aqi(), expected(40, 2).aqi(), expected(40, 3).aqi());
        List<String> rules = JsonPath.read(body, "$[*].ruleSet");
        assertThat(rules).containsOnly("cnemc");
        // The 24h moving mean of PM2.5 at 04:00, from the standards library over the same hours (none before 01:00).
        double[] pm25 = new double[24 + 3];
        java.util.Arrays.fill(pm25, Double.NaN);
        for (int h = 0; h < 4; h++) {
            pm25[23 + h] = 40 + 5 * h;
        }
        double expected24h = org.envhub.standards.air.MovingValues.mean24h(pm25)[26];
        assertThat(JsonPath.<Double>read(body, "$[2].pm25Mean24h")).isEqualTo(Math.round(expected24h * 10) / 10.0);

        // A whole day: the natural day 2023-01-20 runs from 01:00 to 24:00, so all six fixture hours are in it.
        String day = getAs("/api/air/stations/TA2/hourly", "from", "2023-01-20", "to", "2023-01-20").getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(day, "$[*]")).hasSize(TwoDistricts.HOURS);
    }

    @Test
    void badParametersAreNamedInA400() throws Exception {
        mvc.perform(get("/api/air/stations/TA1/hourly").param("from", "2023-13-01").with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("from")));
        mvc.perform(get("/api/air/stations/NOPE/hourly").with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/air/stations/latest").param("format", "pdf").with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCorrectedValueReplacesTheOldWhichGoesToHistoryAndTheAqiFollows() throws Exception {
        LocalDateTime hour = AirTime.toUtc(TwoDistricts.FIRST_LOCAL_HOUR.plusHours(2));
        long historyBefore = store.historyCount();
        long countBefore = store.count();
        // Re-storing identical values changes nothing.
        StoreResult same = tx.execute(s -> store.store(data.importId(), TwoDistricts.hours("TA1", 10)));
        assertThat(same.added()).isZero();
        assertThat(same.replaced()).isZero();
        assertThat(same.same()).isEqualTo(TwoDistricts.HOURS * 6);
        assertThat(same.changed()).isEmpty();

        // A correction: PM2.5 of TA1's third hour becomes 300.
        double old = jdbc.sql("select pm25 from air_hourly where station_code = 'TA1' and hour_end = ?")
                .param(hour).query(Double.class).single();
        StoreResult fix = tx.execute(s -> {
            StoreResult r = store.store(data.importId(), List.of(new HourlyValue("TA1", Pollutant.PM25, hour, 300, null)));
            aqi.recompute(r.changed());
            return r;
        });
        assertThat(fix.replaced()).isOne();
        assertThat(store.count()).isEqualTo(countBefore);
        assertThat(store.historyCount()).isEqualTo(historyBefore + 1);
        assertThat(jdbc.sql("select concentration from air_hourly_history where station_code = 'TA1' and pollutant = 'PM2.5' and hour_end = ? order by replaced_at desc")
                .param(hour).query(Double.class).list().getFirst()).isEqualTo(old);

        String body = getAs("/api/air/stations/TA1/hourly", "from", "2023-01-20T03:00", "to", "2023-01-20T03:00").getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$[0].aqi")).isEqualTo(Aqi.hourly(AqiRuleSet.CNEMC,
                HourlyConcentrations.of(8, 32, 0.6, 24, 25, 300)).aqi());
        assertThat(JsonPath.<String>read(body, "$[0].primary")).isEqualTo("PM2.5");

        // Put the fixture value back so other tests see the data as documented.
        tx.executeWithoutResult(s -> aqi.recompute(store.store(data.importId(), TwoDistricts.hours("TA1", 10)).changed()));
    }

    @Test
    void aDerivedResultIsNotOverwrittenByAnotherRuleSet() {
        LocalDateTime hour = AirTime.toUtc(TwoDistricts.FIRST_LOCAL_HOUR);
        jdbc.sql("insert into air_hourly_aqi (station_code, hour_end, rule_set, aqi) values ('TB1', ?, 'hj633-2012', 999)").param(hour).update();
        tx.executeWithoutResult(s -> aqi.recompute(List.of(new StationHour("TB1", hour))));
        assertThat(jdbc.sql("select aqi from air_hourly_aqi where station_code = 'TB1' and hour_end = ? and rule_set = 'hj633-2012'")
                .param(hour).query(Integer.class).single()).isEqualTo(999);
        assertThat(jdbc.sql("select aqi from air_hourly_aqi where station_code = 'TB1' and hour_end = ? and rule_set = 'cnemc'")
                .param(hour).query(Integer.class).single()).isEqualTo(expected(80, 0).aqi());
        jdbc.sql("delete from air_hourly_aqi where rule_set = 'hj633-2012' and aqi = 999").update();
    }

    @Test
    void tablesDownloadAsCsvAndExcel() throws Exception {
        MvcResult csv = mvc.perform(get("/api/air/stations/TB1/hourly").param("format", "csv").param("from", "2023-01-20")
                        .param("to", "2023-01-20").with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(1 + TwoDistricts.HOURS);
        assertThat(lines.getFirst()).startsWith("\uFEFF站点编码,站点名称,时间,AQI");
        assertThat(lines.get(1)).startsWith("TB1,乙一站,2023-01-20T01:00," + expected(80, 0).aqi() + ",");

        MvcResult xlsx = mvc.perform(get("/api/air/stations/latest").param("format", "xlsx").with(httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("站点编码");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if ("TB1".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    assertThat(sheet.getRow(r).getCell(5).getNumericCellValue()).isEqualTo(expected(80, TwoDistricts.HOURS - 1).aqi());
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void levelsCarryTheOfficialColours() throws Exception {
        String body = getAs("/api/air/stations/latest").getResponse().getContentAsString();
        List<Map<String, Object>> all = JsonPath.read(body, "$[*]");
        for (Map<String, Object> s : all) {
            if (s.get("aqi") != null) {
                AqiLevel level = AqiLevel.of((Integer) s.get("aqi"));
                assertThat(s.get("colour")).isEqualTo(level.hexColour());
            }
        }
    }
}
