package org.envhub.platform.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.envhub.hj212.Cp;
import org.envhub.hj212.Factor;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Writer;
import org.envhub.platform.sources.DeviceConnection;
import org.envhub.platform.sources.gateway.Hj212Gateway;
import org.envhub.platform.support.TwoDistricts;
import org.envhub.standards.air.stats.Period;
import org.envhub.standards.water.Concentrations;
import org.envhub.standards.water.Gb3838Limits;
import org.envhub.standards.water.MainPollutant;
import org.envhub.standards.water.PeriodEvaluation;
import org.envhub.standards.water.PhMean;
import org.envhub.standards.water.RiverRating;
import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterReport;
import org.envhub.standards.water.WaterRuleSet;
import org.envhub.standards.water.WaterSample;
import org.envhub.standards.water.WaterSection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The water API on stored data: the sections registry (CRUD, files, district scope, audit), sample imports
 * (idempotence, history, bad rows), evaluations checked against the standards library computed here independently,
 * the risk list, the summary, exports, and an automatic station's HJ 212 data sent through the real gateway. Each test
 * uses its own sections and its own month, so that they share one database in any order. H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class WaterApiTests {

    private static final String PW = TwoDistricts.PASSWORD;
    private static final WaterOptions OPTIONS = WaterOptions.defaults();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TwoDistricts data;
    @Autowired JdbcClient jdbc;
    @Autowired Hj212Gateway gateway;
    @Autowired AutoStationIntake intake;

    @BeforeEach
    void users() {
        data.ensure();
    }

    // ---- helpers ----

    private String as(String user, int status, RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String get(String user, String url) throws Exception {
        return as(user, 200, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url).with(httpBasic(user, PW)));
    }

    private String putSection(String user, int status, String code, Map<String, Object> body) throws Exception {
        return as(user, status, put("/api/water/sections/" + code).with(httpBasic(user, PW)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    private static Map<String, Object> section(String name, String body, String water, String district, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("level", "national");
        m.put("waterBody", body);
        m.put("waterName", water);
        m.put("basin", "测试流域");
        m.put("city", "测试市");
        m.put("district", district);
        m.put("longitude", 116.5);
        m.put("latitude", 39.9);
        m.put("target", target);
        return m;
    }

    private String importSamples(String user, int status, String name, byte[] content) throws Exception {
        return as(user, status, multipart("/api/imports/water").file(new MockMultipartFile("files", name, "text/csv", content))
                .with(httpBasic(user, PW)));
    }

    private String importCsv(String csv) throws Exception {
        String body = importSamples("bureau1", 200, "samples.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(JsonPath.<String>read(body, "$[0].status")).isEqualTo("done");
        return body;
    }

    // ---- registry ----

    @Test
    void theRegistryIsEditedThroughTheApiScopedToTheDistrictAndAudited() throws Exception {
        String created = putSection("bureau1", 201, "T-R1", section("甲区一号断面", "河流", "测试河", "甲区", "III"));
        assertThat(JsonPath.<String>read(created, "$.level")).isEqualTo("national");
        assertThat(JsonPath.<String>read(created, "$.levelName")).isEqualTo("国控");
        assertThat(JsonPath.<String>read(created, "$.waterBody")).isEqualTo("river");
        assertThat(JsonPath.<String>read(created, "$.target")).isEqualTo("III");
        assertThat(JsonPath.<String>read(created, "$.district")).isEqualTo("甲区");
        assertThat(JsonPath.<Number>read(created, "$.districtId").longValue()).isEqualTo(data.districtA);

        Map<String, Object> changed = section("甲区一号断面", "river", "测试河", "甲区", "Ⅱ");
        changed.put("level", "省控");
        String updated = putSection("bureau1", 200, "T-R1", changed);
        assertThat(JsonPath.<String>read(updated, "$.target")).isEqualTo("II");
        assertThat(JsonPath.<String>read(updated, "$.level")).isEqualTo("provincial");

        Map<String, Object> bad = section("坏断面", "river", "测试河", "甲区", "III");
        bad.put("level", "县控");
        assertThat(putSection("bureau1", 400, "T-R9", bad)).contains("control level");
        assertThat(putSection("bureau1", 400, "T-R9", section("坏断面", "river", "测试河", "甲区", "劣V"))).contains("劣V is no target");
        Map<String, Object> far = section("坏断面", "sea", "测试河", "甲区", "III");
        assertThat(putSection("bureau1", 400, "T-R9", far)).contains("water body 'sea'");
        Map<String, Object> lon = section("坏断面", "river", "测试河", "甲区", "III");
        lon.put("longitude", 200);
        assertThat(putSection("bureau1", 400, "T-R9", lon)).contains("longitude 200");
        assertThat(get("bureau1", "/api/water/sections")).doesNotContain("T-R9");

        // A district sees and changes its own district's sections only.
        assertThat(JsonPath.<List<String>>read(get("districtA", "/api/water/sections"), "$[*].code")).contains("T-R1");
        assertThat(JsonPath.<List<String>>read(get("districtB", "/api/water/sections"), "$[*].code")).doesNotContain("T-R1");
        as("districtB", 404, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/water/sections/T-R1")
                .with(httpBasic("districtB", PW)));
        putSection("districtB", 403, "T-R1", section("乙区改名", "river", "测试河", "甲区", "III"));
        putSection("districtA", 403, "T-R1", section("搬到乙区", "river", "测试河", "乙区", "III"));
        putSection("districtA", 200, "T-R1", section("甲区一号断面（改）", "river", "测试河", "甲区", "III"));
        putSection("viewer1", 403, "T-R1", section("只读", "river", "测试河", "甲区", "III"));

        List<String> actions = jdbc.sql("select action from audit_log where target = 'section T-R1' order by id").query(String.class).list();
        assertThat(actions).containsExactly("water.section.create", "water.section.update", "water.section.update");
        assertThat(jdbc.sql("select username from audit_log where target = 'section T-R1' order by id desc").query(String.class).list().getFirst())
                .isEqualTo("districtA");
    }

    @Test
    void aRegistryFileKeepsItsGoodRowsAndNamesTheBadOnesByLine() throws Exception {
        String csv = """
                断面编码,断面名称,控制级别,水体类型,河流,流域,城市,区县,经度,纬度,水质目标,自动站MN
                T-I1,导入一号,国控,河流,导入河,导入流域,测试市,甲区,116.1,39.9,III,
                T-I2,导入二号,乡控,河流,导入河,导入流域,测试市,甲区,116.2,39.9,III,
                T-I3,导入三号,省控,河流,导入河,导入流域,测试市,甲区,east,39.9,III,
                T-I4,导入四号,市控,湖泊,导入湖,导入流域,测试市,乙区,116.3,39.8,II,
                T-I1,导入一号重复,国控,河流,导入河,导入流域,测试市,甲区,116.1,39.9,III,
                """;
        String body = as("bureau1", 200, multipart("/api/water/sections/import")
                .file(new MockMultipartFile("file", "台账.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(httpBasic("bureau1", PW)));
        assertThat(JsonPath.<Integer>read(body, "$.valuesAdded")).isEqualTo(2);
        List<String> where = JsonPath.read(body, "$.problems[*].location");
        List<String> why = JsonPath.read(body, "$.problems[*].message");
        assertThat(where).containsExactly("台账.csv, line 3", "台账.csv, line 4", "台账.csv, line 6");
        assertThat(why.get(0)).contains("control level '乡控'");
        assertThat(why.get(1)).contains("longitude 'east'");
        assertThat(why.get(2)).contains("already listed on line 2");
        String list = get("bureau1", "/api/water/sections");
        assertThat(JsonPath.<List<String>>read(list, "$[*].code")).contains("T-I1", "T-I4").doesNotContain("T-I2", "T-I3");
        assertThat(JsonPath.<List<String>>read(list, "$[?(@.code == 'T-I4')].waterBody")).containsExactly("lake");

        // The same as an Excel workbook; a district user's file may only touch its own district.
        byte[] xlsx = workbook(List.of(
                List.of("断面编码", "断面名称", "控制级别", "水体类型", "城市", "区县", "水质目标"),
                List.of("T-I5", "表格五号", "省控", "水库", "测试市", "乙区", "II"),
                List.of("T-I6", "表格六号", "省控", "水库", "测试市", "甲区", "II")));
        String excel = as("districtB", 200, multipart("/api/water/sections/import")
                .file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", xlsx)).with(httpBasic("districtB", PW)));
        assertThat(JsonPath.<Integer>read(excel, "$.valuesAdded")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(excel, "$.problems[*].location")).containsExactly("台账.xlsx, line 3");
        assertThat(JsonPath.<List<String>>read(excel, "$.problems[*].message").getFirst()).contains("another district");
    }

    // ---- samples ----

    @Test
    void importingSamplesIsIdempotentKeepsCorrectionsInHistoryAndReportsBadRowsByLine() throws Exception {
        putSection("bureau1", 201, "T-S1", section("样品一号", "river", "样品河", "甲区", "III"));
        putSection("bureau1", 201, "T-S2", section("样品二号", "lake", "样品湖", "乙区", "II"));
        String header = "section,time,water_body,ph,do,codmn,nh3n,tp\n";
        String good = "T-S1,2024-03-05 10:00,river,7.5,6.2,4.1,0.52,0.11\nT-S2,2024-03-06,湖泊,8.1,7.9,2.6,0.21,0.021\n";
        String bad = "T-XX,2024-03-05,river,7.5,6.2,4.1,0.52,0.11\n"
                + "T-S1,2024-03-20,river,7.5,abc,4.1,0.52,0.11\n"
                + "T-S2,2024-03-21,river,7.5,6.2,4.1,0.52,0.11\n";
        long before = count("water_sample");
        String first = importCsv(header + good + bad);
        assertThat(JsonPath.<Integer>read(first, "$[0].valuesAdded")).isEqualTo(10);
        assertThat(JsonPath.<Integer>read(first, "$[0].rowsRead")).isEqualTo(5);
        List<String> where = JsonPath.read(first, "$[0].problems[*].location");
        List<String> why = JsonPath.read(first, "$[0].problems[*].message");
        assertThat(where).containsExactly("samples.csv, line 4", "samples.csv, line 6", "samples.csv, line 5");
        assertThat(why.get(0)).contains("T-XX is not in the water section registry");
        assertThat(why.get(1)).contains("registered as lake");
        assertThat(why.get(2)).contains("'abc' is not a number");
        assertThat(count("water_sample")).isEqualTo(before + 10);

        String again = importCsv(header + good + bad);
        assertThat(JsonPath.<Integer>read(again, "$[0].valuesAdded")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$[0].valuesReplaced")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$[0].valuesSame")).isEqualTo(10);
        assertThat(count("water_sample")).isEqualTo(before + 10);

        long history = count("water_sample_history");
        String fixed = importCsv(header + good.replace("0.52", "0.62"));
        assertThat(JsonPath.<Integer>read(fixed, "$[0].valuesReplaced")).isOne();
        assertThat(count("water_sample")).isEqualTo(before + 10);
        assertThat(count("water_sample_history")).isEqualTo(history + 1);
        assertThat(jdbc.sql("select item_value from water_sample_history where section_code = 'T-S1' and item = 'nh3n' order by replaced_at desc")
                .query(Double.class).list().getFirst()).isEqualTo(0.52);
        String samples = get("bureau1", "/api/water/sections/T-S1/samples?from=2024-03-01&to=2024-03-31");
        assertThat(JsonPath.<List<Double>>read(samples, "$[*].values.nh3n")).containsExactly(0.62);
        assertThat(JsonPath.<List<String>>read(samples, "$[*].time")).containsExactly("2024-03-05T10:00");
        // The month's evaluation follows the correction: NH3-N 0.62 is class III.
        String eval = get("bureau1", "/api/water/evaluation?month=2024-03");
        assertThat(JsonPath.<List<String>>read(eval, "$[?(@.code == 'T-S1')].waterClass")).containsExactly(
                PeriodEvaluation.of("T-S1", List.of(sample("T-S1", "2024-03-05T10:00", WaterBody.RIVER,
                        WaterItem.PH, 7.5, WaterItem.DO, 6.2, WaterItem.CODMN, 4.1, WaterItem.NH3N, 0.62, WaterItem.TP, 0.11)),
                        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), OPTIONS).waterClass().label());

        // An Excel file with a date cell, a number cell with a display format and a below-detection text value.
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("data");
            String[] head = {"section", "time", "water_body", "nh3n", "tp", "hg"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d h:mm"));
            CellStyle oneDecimal = wb.createCellStyle();
            oneDecimal.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.0"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("T-S1");
            r.createCell(1).setCellValue(LocalDateTime.of(2024, 3, 25, 9, 30));
            r.getCell(1).setCellStyle(date);
            r.createCell(2).setCellValue("river");
            r.createCell(3).setCellValue(0.437);
            r.getCell(3).setCellStyle(oneDecimal);
            r.createCell(4).setCellValue(0.08);
            r.createCell(5).setCellValue("0.00004L");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        String excel = importSamples("bureau1", 200, "samples.xlsx", xlsx);
        assertThat(JsonPath.<Integer>read(excel, "$[0].valuesAdded")).isEqualTo(3);
        String stored = get("bureau1", "/api/water/sections/T-S1/samples?from=2024-03-25&to=2024-03-25");
        assertThat(JsonPath.<List<String>>read(stored, "$[*].time")).containsExactly("2024-03-25T09:30");
        assertThat(JsonPath.<Double>read(stored, "$[0].values.nh3n")).isEqualTo(0.437);
        assertThat(JsonPath.<Double>read(stored, "$[0].values.hg")).isEqualTo(0.00002);

        // Imports are the bureau's.
        importSamples("districtA", 403, "samples.csv", (header + good).getBytes(StandardCharsets.UTF_8));
    }

    // ---- evaluation ----

    @Test
    void storedEvaluationsAreTheStandardsLibrarysFiguresForSectionsDistrictsRiversAndTheCity() throws Exception {
        // Six sections on 评价河 (5 of them: rated by shares) and one lake, in two districts; July 2023 only.
        putSection("bureau1", 201, "T-E1", basin(section("评价一", "river", "评价河", "甲区", "III")));
        putSection("bureau1", 201, "T-E2", basin(section("评价二", "river", "评价河", "甲区", "II")));
        putSection("bureau1", 201, "T-E3", basin(section("评价三", "river", "评价河", "乙区", "IV")));
        putSection("bureau1", 201, "T-E4", basin(section("评价四", "river", "评价河", "乙区", "III")));
        putSection("bureau1", 201, "T-E5", basin(section("评价五", "river", "评价河", "乙区", "V")));
        putSection("bureau1", 201, "T-E6", basin(section("评价湖", "lake", "评价湖", "甲区", "III")));
        String csv = """
                section,time,water_body,ph,do,codmn,cod,bod5,nh3n,tp,tn,cu,hg
                T-E1,2023-07-03,river,7.20,6.8,4.2,16,3.1,0.48,0.12,1.9,0.004,0.00004L
                T-E1,2023-07-18,river,8.10,5.9,5.1,19,3.6,0.61,0.17,2.3,0.006,0.00004L
                T-E2,2023-07-05,river,7.60,7.1,3.2,14,2.4,0.45,0.09,1.1,0.002,
                T-E2,2023-07-20,river,7.70,6.6,3.9,15,2.9,0.55,0.11,1.3,0.002,
                T-E3,2023-07-06,river,7.90,4.2,8.5,27,5.1,1.21,0.24,3.5,,
                T-E4,2023-07-07,river,6.80,3.1,9.8,31,6.2,2.15,0.41,4.1,,0.0002
                T-E5,2023-07-08,river,7.10,2.6,11.2,33,7.4,1.45,0.33,3.9,,
                T-E6,2023-07-09,lake,8.40,7.4,4.4,17,3.2,0.35,0.045,0.9,,
                T-E6,2023-07-25,lake,8.90,8.2,5.2,19,3.8,0.41,0.062,1.2,,
                T-E1,2023-08-02,river,7.40,6.1,6.8,22,4.5,1.12,0.22,2.8,,
                """;
        importCsv(csv);
        List<WaterSample> samples = new ArrayList<>();
        Map<String, WaterSection> listed = new LinkedHashMap<>();
        readBack(csv, samples);
        Map<String, String> district = Map.of("T-E1", "甲区", "T-E2", "甲区", "T-E3", "乙区", "T-E4", "乙区", "T-E5", "乙区", "T-E6", "甲区");
        Map<String, WaterClass> target = Map.of("T-E1", WaterClass.III, "T-E2", WaterClass.II, "T-E3", WaterClass.IV, "T-E4", WaterClass.III,
                "T-E5", WaterClass.V, "T-E6", WaterClass.III);
        for (String code : List.of("T-E1", "T-E2", "T-E3", "T-E4", "T-E5", "T-E6")) {
            listed.put(code, new WaterSection(code, code, "测试市", district.get(code), code.equals("T-E6") ? WaterBody.LAKE : WaterBody.RIVER,
                    target.get(code)));
        }
        Period july = Period.month(YearMonth.of(2023, 7));
        WaterReport want = WaterReport.compute(samples, listed, july, null, OPTIONS);

        String body = get("bureau1", "/api/water/evaluation?month=2023-07");
        for (WaterReport.SectionRow row : want.sections()) {
            String code = row.section().code();
            Map<String, Object> got = JsonPath.<List<Map<String, Object>>>read(body, "$[?(@.code == '" + code + "')]").getFirst();
            assertThat(got.get("waterClass")).as(code).isEqualTo(row.waterClass().label());
            assertThat(got.get("quality")).as(code).isEqualTo(row.waterClass().quality().label());
            assertThat(got.get("attained")).as(code).isEqualTo(row.attained());
            assertThat(got.get("samples")).as(code).isEqualTo(row.period().samples());
            assertThat(((Number) got.get("cwqi")).doubleValue()).as(code).isEqualTo(round4(row.period().evaluation().cwqi().value()));
            List<MainPollutant> main = row.period().evaluation().mainPollutants();
            assertThat(got.get("mainPollutants")).as(code).isEqualTo(main.isEmpty() ? null : MainPollutant.format(main, 2, true));
            assertThat(got.get("ruleSet")).isEqualTo("gb3838-2002");
        }
        // The set is made to cover the cases: a failure, a 劣V section and main pollutants.
        assertThat(want.sections().stream().filter(r -> Boolean.FALSE.equals(r.attained()))).isNotEmpty();
        assertThat(want.sections().stream().filter(r -> r.waterClass() == WaterClass.WORSE_THAN_V)).isNotEmpty();

        // The city over the month: the test city holds only these six sections with July samples.
        WaterReport.CityRow city = want.cities().getFirst();
        Map<String, Object> gotCity = JsonPath.<List<Map<String, Object>>>read(get("bureau1", "/api/water/areas?kind=city&month=2023-07"),
                "$[?(@.name == '测试市')]").getFirst();
        assertThat(gotCity.get("sections")).isEqualTo(city.sections());
        assertThat(gotCity.get("goodSections")).isEqualTo(city.goodSections());
        assertThat(((Number) gotCity.get("goodRatio")).doubleValue()).isEqualTo(round1(100 * city.goodRatio()));
        assertThat(((Number) gotCity.get("cwqi")).doubleValue()).isEqualTo(round4(city.cwqi().value()));
        assertThat(gotCity.get("quality")).isEqualTo(city.rating().quality().label());
        assertThat(gotCity.get("ratingMethod")).isEqualTo("shares");
        assertThat(gotCity.get("attained")).isEqualTo(city.attained());
        assertThat(gotCity.get("withTarget")).isEqualTo(city.withTarget());

        // Districts, ranked within the city by CWQI.
        Map<String, WaterSection> byDistrict = new LinkedHashMap<>();
        listed.values().forEach(s -> byDistrict.put(s.code(), new WaterSection(s.code(), s.name(), s.district(), s.district(), s.body(), s.target())));
        WaterReport districts = WaterReport.compute(samples, byDistrict, july, null, OPTIONS);
        String areas = get("bureau1", "/api/water/areas?kind=district&month=2023-07");
        for (WaterReport.CityRow d : districts.cities()) {
            Map<String, Object> got = JsonPath.<List<Map<String, Object>>>read(areas, "$[?(@.name == '" + d.city() + "')]").getFirst();
            assertThat(got.get("rank")).as(d.city()).isEqualTo(d.rank());
            assertThat(((Number) got.get("cwqi")).doubleValue()).as(d.city()).isEqualTo(round4(d.cwqi().value()));
            assertThat(got.get("worstSections")).isEqualTo((int) want.sections().stream()
                    .filter(r -> r.section().district().equals(d.city()) && r.waterClass() == WaterClass.WORSE_THAN_V).count());
            assertThat(got.get("parent")).isEqualTo("测试市");
        }
        // A river of 5 sections is rated by shares; a lake alone by its mean.
        Map<String, WaterSection> rivers = new LinkedHashMap<>();
        listed.values().forEach(s -> rivers.put(s.code(), new WaterSection(s.code(), s.name(), s.code().equals("T-E6") ? "评价湖" : "评价河",
                s.district(), s.body(), s.target())));
        WaterReport byRiver = WaterReport.compute(samples, rivers, july, null, OPTIONS);
        String riverRows = get("bureau1", "/api/water/areas?kind=river&month=2023-07");
        for (WaterReport.CityRow r : byRiver.cities()) {
            Map<String, Object> got = JsonPath.<List<Map<String, Object>>>read(riverRows, "$[?(@.name == '" + r.city() + "')]").getFirst();
            assertThat(got.get("quality")).as(r.city()).isEqualTo(r.rating().quality().label());
            assertThat(got.get("ratingMethod")).as(r.city()).isEqualTo(r.rating().method() == RiverRating.Method.SECTION_SHARES ? "shares" : "mean");
        }

        // The year: July and August together.
        String year = get("bureau1", "/api/water/evaluation?year=2023");
        PeriodEvaluation e1 = PeriodEvaluation.of("T-E1", samples, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), OPTIONS);
        assertThat(JsonPath.<List<String>>read(year, "$[?(@.code == 'T-E1')].waterClass")).containsExactly(e1.waterClass().label());
        assertThat(JsonPath.<List<Integer>>read(year, "$[?(@.code == 'T-E1')].samples")).containsExactly(3);

        // The month's summary (the command centre's figures), for the district user too.
        String summary = get("bureau1", "/api/water/summary?month=2023-07");
        long good = want.sections().stream().filter(r -> r.waterClass().isGoodWater()).count();
        assertThat(JsonPath.<Integer>read(summary, "$.goodSections")).isEqualTo((int) good);
        assertThat(JsonPath.<Integer>read(summary, "$.evaluated")).isEqualTo(6);
        assertThat(JsonPath.<Integer>read(summary, "$.attained")).isEqualTo(city.attained());
        assertThat(JsonPath.<Integer>read(summary, "$.worseThanV")).isEqualTo(
                (int) want.sections().stream().filter(r -> r.waterClass() == WaterClass.WORSE_THAN_V).count());
        String summaryA = get("districtA", "/api/water/summary?month=2023-07");
        assertThat(JsonPath.<Integer>read(summaryA, "$.evaluated")).isEqualTo(3);
        assertThat(JsonPath.<List<String>>read(get("districtA", "/api/water/evaluation?month=2023-07"), "$[*].district")).containsOnly("甲区");
        assertThat(JsonPath.<List<String>>read(get("districtA", "/api/water/areas?kind=district&month=2023-07"), "$[*].name")).containsExactly("甲区");
        assertThat(JsonPath.<List<String>>read(get("districtA", "/api/water/areas?kind=city&month=2023-07"), "$[*].name")).isEmpty();

        // A target changed in the registry re-evaluates attainment at once.
        WaterReport.SectionRow e3 = want.sections().stream().filter(r -> r.section().code().equals("T-E3")).findFirst().orElseThrow();
        WaterClass tighter = WaterClass.ofNumber(e3.waterClass().number() - 1);
        putSection("bureau1", 200, "T-E3", basin(section("评价三", "river", "评价河", "乙区", tighter.label())));
        assertThat(JsonPath.<List<Boolean>>read(get("bureau1", "/api/water/evaluation?month=2023-07"), "$[?(@.code == 'T-E3')].attained"))
                .containsExactly(false);

        // Filters and exports.
        assertThat(JsonPath.<List<String>>read(get("bureau1", "/api/water/evaluation?month=2023-07&district=乙区&basin=评价流域"), "$[*].code"))
                .containsExactlyInAnyOrder("T-E3", "T-E4", "T-E5");
        String exported = as("bureau1", 200, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/water/evaluation").param("month", "2023-07").param("district", "乙区").param("basin", "评价流域").param("format", "csv").with(httpBasic("bureau1", PW)));
        assertThat(exported.split("\r\n")).hasSize(4);
        assertThat(exported).startsWith("\uFEFF断面编码,断面名称").contains("T-E4");
        byte[] xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/water/areas")
                        .param("kind", "district").param("month", "2023-07").param("format", "xlsx").with(httpBasic("bureau1", PW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("CWQI排名");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(districts.cities().size());
        }
        as("bureau1", 400, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/water/evaluation")
                .param("month", "2023-13").with(httpBasic("bureau1", PW)));
    }

    // ---- risk ----

    @Test
    void theRiskListNamesTheSectionsTheItemThatDrivesEachAndWhy() throws Exception {
        putSection("bureau1", 201, "T-K1", section("风险近限", "river", "风险河", "甲区", "III"));
        putSection("bureau1", 201, "T-K2", section("风险超标", "river", "风险河", "甲区", "IV"));
        putSection("bureau1", 201, "T-K3", section("风险趋势", "river", "风险河", "乙区", "III"));
        putSection("bureau1", 201, "T-K4", section("风险无", "river", "风险河", "乙区", "III"));
        putSection("bureau1", 201, "T-K5", section("风险溶解氧", "river", "风险河", "乙区", "III"));
        importCsv("""
                section,time,water_body,ph,do,codmn,nh3n,tp
                T-K1,2022-05-03,river,7.4,7.2,3.1,0.85,0.08
                T-K1,2022-05-10,river,7.5,7.0,3.3,0.95,0.09
                T-K2,2022-05-06,river,7.6,6.8,5.5,0.70,0.35
                T-K3,2022-04-05,river,7.4,7.1,3.0,0.40,0.07
                T-K3,2022-04-20,river,7.4,7.0,3.8,0.42,0.07
                T-K3,2022-05-02,river,7.5,6.9,4.6,0.41,0.08
                T-K3,2022-05-09,river,7.5,6.8,5.3,0.43,0.08
                T-K4,2022-05-04,river,7.3,7.5,2.9,0.30,0.05
                T-K5,2022-05-04,river,7.3,5.4,2.9,0.30,0.05
                """);
        String body = get("bureau1", "/api/water/risks?month=2022-05");
        List<String> codes = JsonPath.read(body, "$[*].code");
        assertThat(codes).contains("T-K1", "T-K2", "T-K3", "T-K5").doesNotContain("T-K4");
        assertThat(codes.indexOf("T-K2")).as("sections over their target come first").isLessThan(codes.indexOf("T-K1"));

        Map<String, Object> near = risk(body, "T-K1");
        Gb3838Limits limits = WaterRuleSet.GB3838_2002.limits();
        double mean = 0.90; // (0.85 + 0.95) / 2, already at NH3-N's two decimals
        double ratio = mean / limits.limit(WaterItem.NH3N, WaterClass.III, WaterBody.RIVER);
        assertThat(near.get("status")).isEqualTo("风险");
        assertThat(JsonPath.<String>read(near, "$.driver.item")).isEqualTo("nh3n");
        assertThat(JsonPath.<String>read(near, "$.driver.reason")).isEqualTo("near");
        assertThat(JsonPath.<Double>read(near, "$.driver.ratio")).isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(JsonPath.<String>read(near, "$.driver.message")).isEqualTo("氨氮 月均 0.90 mg/L，接近 III 类限值 1.0（90%）");

        Map<String, Object> over = risk(body, "T-K2");
        assertThat(over.get("status")).isEqualTo("超标");
        assertThat(over.get("monthClass")).isEqualTo("V");
        assertThat(JsonPath.<String>read(over, "$.driver.reason")).isEqualTo("over");
        assertThat(JsonPath.<String>read(over, "$.driver.message")).isEqualTo("总磷 月均 0.350 mg/L，超过 IV 类限值 0.3（117%）");

        // CODMn rising by about 0.07 a day: the least-squares line of the last 4 samples passes 6 by the month's end.
        Map<String, Object> trend = risk(body, "T-K3");
        assertThat(JsonPath.<String>read(trend, "$.driver.item")).isEqualTo("codmn");
        assertThat(JsonPath.<String>read(trend, "$.driver.reason")).isEqualTo("trend");
        double[] x = {0, 15, 27, 34};
        double[] y = {3.0, 3.8, 4.6, 5.3};
        double[] line = WaterRisks.leastSquares(x, y);
        double end = java.time.temporal.ChronoUnit.MINUTES.between(LocalDateTime.of(2022, 4, 5, 0, 0), LocalDateTime.of(2022, 5, 31, 23, 59)) / 1440.0;
        double projected = org.envhub.standards.air.ConcentrationRounding.round(line[0] + line[1] * end, 1);
        assertThat(projected).isGreaterThan(6);
        assertThat(JsonPath.<Double>read(trend, "$.driver.projected")).isEqualTo(projected);
        assertThat(JsonPath.<String>read(trend, "$.driver.message")).contains("近 4 次监测持续上升").contains("月末约 " + projected)
                .contains("超过 III 类限值 6");

        Map<String, Object> oxygen = risk(body, "T-K5");
        assertThat(JsonPath.<String>read(oxygen, "$.driver.item")).isEqualTo("do");
        assertThat(JsonPath.<String>read(oxygen, "$.driver.message")).isEqualTo("溶解氧 月均 5.4 mg/L，接近 III 类下限 5");

        // District scope, another month, and the export.
        assertThat(JsonPath.<List<String>>read(get("districtA", "/api/water/risks?month=2022-05"), "$[*].code")).doesNotContain("T-K3", "T-K5")
                .contains("T-K1");
        assertThat(JsonPath.<List<String>>read(get("bureau1", "/api/water/risks?month=2022-03"), "$[*].code")).doesNotContain("T-K1", "T-K2");
        String csv = as("bureau1", 200, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/water/risks")
                .param("month", "2022-05").param("format", "csv").with(httpBasic("bureau1", PW)));
        assertThat(csv.split("\r\n")).hasSize(codes.size() + 1);
        assertThat(csv).contains("氨氮 月均 0.90 mg/L");
        assertThat(JsonPath.<Integer>read(get("bureau1", "/api/water/summary?month=2022-05"), "$.risks")).isEqualTo(codes.size());
    }

    // ---- automatic station through the gateway ----

    @Test
    void anAutomaticStationsHourlyAndDailyDataBecomeDailySamplesThroughTheGateway() throws Exception {
        Map<String, Object> s = section("自动站断面", "river", "自动站河", "甲区", "III");
        s.put("stationMn", "WQAUTO0001");
        s.put("stationPassword", "wq-pw");
        putSection("bureau1", 201, "T-A1", s);
        LocalDate day1 = LocalDate.of(2021, 9, 1);
        LocalDate day2 = LocalDate.of(2021, 9, 2);
        double[] nh3n = {0.52, 0.61, 0.58, 0.66, 0.49};
        double[] ph = {7.1, 7.9, 8.3, 6.9, 7.4};
        List<Hj212Packet> packets = new ArrayList<>();
        for (int i = 0; i < nh3n.length; i++) {
            packets.add(packet("2061", day1.atTime(4 * i, 0), f("w21003", nh3n[i], "N"), f("w01001", ph[i], "N"), f("w01009", 6.0 + i, "N")));
        }
        // A faulty reading (flag D) is not taken.
        packets.add(packet("2061", day1.atTime(21, 0), f("w21003", 3.9, "D"), f("w01009", 1.0, "D")));
        // Day 2: a daily value of TP wins over the hourly ones; NH3-N by its 2005 code 060, only 3 hours: too few.
        packets.add(packet("2061", day2.atTime(1, 0), f("w21011", 0.30, "N"), f("060", 0.7, "N")));
        packets.add(packet("2061", day2.atTime(5, 0), f("w21011", 0.31, "N"), f("060", 0.8, "N")));
        packets.add(packet("2061", day2.atTime(9, 0), f("w21011", 0.29, "N"), f("060", 0.9, "N")));
        packets.add(packet("2031", day2.atStartOfDay(), f("w21011", 0.12, "N"), f("w01010", 21.5, "N")));
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            for (Hj212Packet p : packets) {
                c.send(Hj212Writer.encode(p));
                assertThat(c.answer(10_000)).as("answer to " + p.qn()).contains("QN=" + p.qn());
            }
        }
        assertThat(intake.awaitIdle(Duration.ofSeconds(20))).isTrue();

        String samples = get("bureau1", "/api/water/sections/T-A1/samples?from=2021-09-01&to=2021-09-03");
        assertThat(JsonPath.<List<String>>read(samples, "$[*].time")).containsExactly("2021-09-01T00:00", "2021-09-02T00:00");
        assertThat(JsonPath.<List<String>>read(samples, "$[*].source")).containsOnly("auto");
        Map<String, Double> first = JsonPath.read(samples, "$[0].values");
        assertThat(first.get("nh3n")).isCloseTo(java.util.Arrays.stream(nh3n).average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(first.get("ph")).isCloseTo(PhMean.of(ph), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(first.get("do")).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-12));
        Map<String, Double> second = JsonPath.read(samples, "$[1].values");
        assertThat(second).containsOnlyKeys("tp");
        assertThat(second.get("tp")).isEqualTo(0.12);

        // The month is evaluated from the two daily samples, as the library says.
        List<WaterSample> daily = List.of(
                new WaterSample("T-A1", day1.atStartOfDay(), WaterBody.RIVER, Concentrations.of(WaterItem.NH3N, first.get("nh3n"),
                        WaterItem.PH, first.get("ph"), WaterItem.DO, first.get("do"))),
                new WaterSample("T-A1", day2.atStartOfDay(), WaterBody.RIVER, Concentrations.of(WaterItem.TP, 0.12)));
        PeriodEvaluation want = PeriodEvaluation.of("T-A1", daily, day1, LocalDate.of(2021, 9, 30), OPTIONS);
        String eval = get("bureau1", "/api/water/evaluation?month=2021-09");
        assertThat(JsonPath.<List<String>>read(eval, "$[?(@.code == 'T-A1')].waterClass")).containsExactly(want.waterClass().label());
        assertThat(JsonPath.<List<Integer>>read(eval, "$[?(@.code == 'T-A1')].samples")).containsExactly(2);

        // Taking the station away removes its samples; giving it back rebuilds them from the stored data.
        s.put("stationMn", null);
        putSection("bureau1", 200, "T-A1", s);
        assertThat(intake.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(JsonPath.<List<Object>>read(get("bureau1", "/api/water/sections/T-A1/samples?from=2021-09-01&to=2021-09-03"), "$")).isEmpty();
        s.put("stationMn", "WQAUTO0001");
        putSection("bureau1", 200, "T-A1", s);
        assertThat(intake.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(get("bureau1", "/api/water/sections/T-A1/samples?from=2021-09-01&to=2021-09-03")).isEqualTo(samples);
        // Two sections cannot share a station.
        Map<String, Object> other = section("抢自动站", "river", "自动站河", "甲区", "III");
        other.put("stationMn", "WQAUTO0001");
        assertThat(putSection("bureau1", 400, "T-A2", other)).contains("already belongs to section T-A1");
    }

    @Test
    void theTrendGivesMonthlyMeansSamplesAndTheItemsClassLimits() throws Exception {
        putSection("bureau1", 201, "T-T1", section("趋势湖", "lake", "趋势湖", "甲区", "III"));
        importCsv("""
                section,time,water_body,tp,do
                T-T1,2020-01-10,lake,0.031,9.1
                T-T1,2020-03-10,lake,0.052,8.0
                T-T1,2020-03-24,lake,0.061,7.6
                """);
        String t = get("bureau1", "/api/water/sections/T-T1/trend?item=tp&from=2020-01&to=2020-03");
        assertThat(JsonPath.<Map<String, Double>>read(t, "$.limits")).containsExactly(Map.entry("I", 0.01), Map.entry("II", 0.025),
                Map.entry("III", 0.05), Map.entry("IV", 0.1), Map.entry("V", 0.2));
        assertThat(JsonPath.<List<String>>read(t, "$.monthly[*].period")).containsExactly("2020-01", "2020-02", "2020-03");
        List<Object> means = JsonPath.read(t, "$.monthly[*].value");
        assertThat(means.get(0)).isEqualTo(0.031);
        assertThat(means.get(1)).isNull();
        assertThat(((Number) means.get(2)).doubleValue()).isEqualTo(0.056); // (0.052 + 0.061)/2 = 0.0565 → 0.056, half to even
        assertThat(JsonPath.<List<Double>>read(t, "$.samples[*].value")).containsExactly(0.031, 0.052, 0.061);
        assertThat(JsonPath.<Boolean>read(get("bureau1", "/api/water/sections/T-T1/trend?item=do&from=2020-01&to=2020-03"), "$.lowerBound"))
                .isTrue();
        as("bureau1", 400, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/water/sections/T-T1/trend")
                .param("item", "salt").with(httpBasic("bureau1", PW)));
    }

    // ---- helpers ----

    private static Map<String, Object> basin(Map<String, Object> section) {
        section.put("basin", "评价流域");
        return section;
    }

    private static Map<String, Object> risk(String body, String code) {
        return JsonPath.<List<Map<String, Object>>>read(body, "$[?(@.code == '" + code + "')]").getFirst();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static double round4(double v) {
        return org.envhub.standards.air.ConcentrationRounding.round(v, 4);
    }

    private static double round1(double v) {
        return org.envhub.standards.air.ConcentrationRounding.round(v, 1);
    }

    /** The samples of a CSV text as the standards library reads them, independently of the platform. */
    private static void readBack(String csv, List<WaterSample> into) {
        org.envhub.standards.io.ReadReport report = new org.envhub.standards.io.ReadReport();
        into.addAll(org.envhub.standards.water.WaterSampleReader.read(List.of(csv.split("\n")), "test", report,
                org.envhub.standards.water.BelowDetection.HALF_LIMIT));
        assertThat(report.problems()).isEmpty();
    }

    private static WaterSample sample(String section, String time, WaterBody body, Object... itemsAndValues) {
        return new WaterSample(section, LocalDateTime.parse(time), body, Concentrations.of(itemsAndValues));
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("sections");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static int qn = 0;

    private static Factor.Builder f(String code, double avg, String flag) {
        String v = java.math.BigDecimal.valueOf(avg).toPlainString();
        return Factor.builder(code).avg(v).min(v).max(v).flag(flag);
    }

    private static Hj212Packet packet(String cn, LocalDateTime dataTime, Factor.Builder... factors) {
        Cp.Builder cp = Cp.builder().dataTime(dataTime);
        for (Factor.Builder f : factors) {
            cp.factor(f);
        }
        return Hj212Packet.builder().qn("20210901000000" + String.format("%03d", ++qn % 1000)).st("21").cn(cn).pw("wq-pw").mn("WQAUTO0001")
                .flag(5).cp(cp.build()).build();
    }
}
