package org.envhub.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.air.HourlyValueStore;
import org.envhub.platform.air.LatestSnapshot;
import org.envhub.platform.air.LatestStation;
import org.envhub.platform.support.TwoDistricts;
import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyConcentrations;
import org.envhub.standards.air.Pollutant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing CNEMC hourly files: idempotent, corrections kept in history, problems named, good data kept. */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
abstract class ImportTests {

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired TwoDistricts data;
    @Autowired CnemcImportService imports;
    @Autowired HourlyValueStore store;
    @Autowired LatestSnapshot snapshot;
    @Autowired JdbcClient jdbc;

    @TempDir Path dir;

    @BeforeEach
    void data() {
        data.ensure();
    }

    /** A day file of the national layout for TA2, TB1 and a station the registry does not know (ZZ9). */
    private Path file(String name, String tb1Pm25, String extraLine) throws Exception {
        StringBuilder sb = new StringBuilder("date,hour,type,TA2,TB1,ZZ9\n");
        for (int h = 10; h <= 12; h++) {
            sb.append("20230121,").append(h).append(",AQI,1,2,3\n");
            sb.append("20230121,").append(h).append(",PM2.5,30,").append(h == 11 ? tb1Pm25 : "90").append(",5\n");
            sb.append("20230121,").append(h).append(",PM10,50,120,5\n");
            sb.append("20230121,").append(h).append(",SO2,5,6,5\n");
            sb.append("20230121,").append(h).append(",NO2,20,40,5\n");
            sb.append("20230121,").append(h).append(",O3,60,30,5\n");
            sb.append("20230121,").append(h).append(",CO,0.5,1.1,0.5\n");
        }
        sb.append(extraLine);
        Path file = dir.resolve(name);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private double stored(String station, String pollutant, LocalDateTime localHour) {
        return jdbc.sql("select " + HourlyValueStore.column(Pollutant.parse(pollutant)) + " from air_hourly where station_code = ? and hour_end = ?")
                .params(station, AirTime.toUtc(localHour)).query(Double.class).single();
    }

    @Test
    void importIsIdempotentAndACorrectionGoesToHistory() throws Exception {
        LocalDateTime h11 = LocalDateTime.of(2023, 1, 21, 11, 0);
        ImportSummary first = imports.importHourly(List.of(file("china_sites_20230121.csv", "90", "")), "tester").getFirst();
        assertThat(first.status()).isEqualTo("done");
        // 2 registered stations x 3 hours x 6 pollutants; ZZ9's 18 values are refused by name.
        int newValues = first.valuesAdded() + first.valuesSame() + first.valuesReplaced();
        assertThat(newValues).isEqualTo(36);
        assertThat(first.problems()).anySatisfy(p -> {
            assertThat(p.location()).contains("ZZ9");
            assertThat(p.message()).contains("not in the registry").contains("18 values");
        });
        long count = store.count();
        long history = store.historyCount();

        ImportSummary again = imports.importHourly(List.of(file("china_sites_20230121.csv", "90", "")), "tester").getFirst();
        assertThat(again.valuesAdded()).isZero();
        assertThat(again.valuesReplaced()).isZero();
        assertThat(again.valuesSame()).isEqualTo(36);
        assertThat(store.count()).isEqualTo(count);

        ImportSummary fixed = imports.importHourly(List.of(file("china_sites_20230121.csv", "160", "")), "tester").getFirst();
        assertThat(fixed.valuesReplaced()).isOne();
        assertThat(store.count()).isEqualTo(count);
        assertThat(store.historyCount()).isEqualTo(history + 1);
        assertThat(stored("TB1", "PM2.5", h11)).isEqualTo(160);
        assertThat(jdbc.sql("select concentration from air_hourly_history where station_code = 'TB1' and hour_end = ? order by replaced_at desc")
                .param(AirTime.toUtc(h11)).query(Double.class).list().getFirst()).isEqualTo(90);
        // The hourly AQI of that hour was recomputed from the corrected value.
        int aqi = jdbc.sql("select aqi from air_hourly_aqi where station_code = 'TB1' and hour_end = ? and rule_set = 'cnemc'")
                .param(AirTime.toUtc(h11)).query(Integer.class).single();
        assertThat(aqi).isEqualTo(Aqi.hourly(AqiRuleSet.CNEMC, HourlyConcentrations.of(6, 40, 1.1, 30, 120, 160)).aqi());
        // Latest follows the newest stored hour, at least the file's last one (another test may add a later hour).
        LatestStation tb1 = snapshot.get().stations().stream().filter(s -> s.code().equals("TB1")).findFirst().orElseThrow();
        LocalDateTime newest = jdbc.sql("select max(hour_end) from air_hourly where station_code = 'TB1'").query(LocalDateTime.class).single();
        assertThat(tb1.time().toLocalDateTime()).isEqualTo(AirTime.toLocal(newest)).isAfterOrEqualTo(LocalDateTime.of(2023, 1, 21, 12, 0));
        // Put the value back for the other tests.
        imports.importHourly(List.of(file("china_sites_20230121.csv", "90", "")), "tester");
    }

    @Test
    void badCellsAreReportedWithTheirLineAndTheRestIsKept() throws Exception {
        ImportSummary s = imports.importHourly(List.of(file("china_sites_20230121_bad.csv", "abc", "20230121,13,PM2.5,31,91\n")), "tester")
                .getFirst();
        assertThat(s.status()).isEqualTo("done");
        assertThat(s.problems()).anySatisfy(p -> {
            assertThat(p.location()).contains("china_sites_20230121_bad.csv").contains("line");
            assertThat(p.message()).contains("abc");
        });
        // The other values of that row and file are stored, and so is the extra hour.
        assertThat(stored("TA2", "PM2.5", LocalDateTime.of(2023, 1, 21, 11, 0))).isEqualTo(30);
        assertThat(stored("TB1", "PM2.5", LocalDateTime.of(2023, 1, 21, 13, 0))).isEqualTo(91);
        assertThat(jdbc.sql("select count(*) from import_problem where import_id = ?").param(s.id()).query(Integer.class).single())
                .isEqualTo(s.problemCount());
    }

    @Test
    void aFileThatIsNotThereFailsAloneWithItsName() throws Exception {
        Path good = file("china_sites_20230121.csv", "90", "");
        List<ImportSummary> done = imports.importHourly(List.of(dir.resolve("missing.csv"), good), "tester");
        assertThat(done).hasSize(2);
        assertThat(done.get(0).problems()).anySatisfy(p -> assertThat(p.location() + p.message()).contains("missing.csv"));
        assertThat(done.get(1).status()).isEqualTo("done");
    }

    @Test
    void anUploadIsImportedInTheBackgroundAndOnlyTheBureauMayUpload() throws Exception {
        byte[] body = Files.readAllBytes(file("china_sites_20230121.csv", "90", "20230121,14,PM2.5,33,93\n"));
        var upload = new org.springframework.mock.web.MockMultipartFile("files", "china_sites_20230121.csv", "text/csv", body);
        var multipart = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/imports/cnemc").file(upload);
        mvc.perform(multipart.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic("viewer1", TwoDistricts.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        var answer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/imports/cnemc").file(upload)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isAccepted()).andReturn();
        Number id = com.jayway.jsonpath.JsonPath.read(answer.getResponse().getContentAsString(), "$[0].id");
        String status = "queued";
        for (int i = 0; i < 200 && !status.equals("done") && !status.equals("failed"); i++) {
            Thread.sleep(100);
            status = jdbc.sql("select status from data_import where id = ?").param(id.longValue()).query(String.class).single();
        }
        assertThat(status).isEqualTo("done");
        assertThat(jdbc.sql("select username from data_import where id = ?").param(id.longValue()).query(String.class).single()).isEqualTo("bureau1");
        assertThat(stored("TB1", "PM2.5", LocalDateTime.of(2023, 1, 21, 14, 0))).isEqualTo(93);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/imports/cnemc")
                        .file(new org.springframework.mock.web.MockMultipartFile("files", "report.pdf", "application/pdf", body))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("report.pdf")));
    }

    @Test
    void aRegistryFileCreatesStationsWithTheirDistrictsAndReportsBadRows() throws Exception {
        byte[] csv = "站点编码,站点名称,城市,区县,经度,纬度\nTC1,丙一站,测试市,丙区,116.4,39.6\nTC2,丙二站,测试市,丙区,abc,39.6\n"
                .getBytes(StandardCharsets.UTF_8);
        var file = new org.springframework.mock.web.MockMultipartFile("file", "台账.csv", "text/csv", csv);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/registry/stations/import").file(file)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("viewer1", TwoDistricts.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        var answer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/registry/stations/import").file(file)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("bureau1", TwoDistricts.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn();
        String body = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(body, "$.problems[0].location")).isEqualTo("台账.csv, line 3");
        assertThat(jdbc.sql("select d.name from station s join area d on d.id = s.district_id where s.code = 'TC1'").query(String.class).single())
                .isEqualTo("丙区");
        assertThat(jdbc.sql("select count(*) from station where code = 'TC2'").query(Integer.class).single()).isZero();
    }
}
