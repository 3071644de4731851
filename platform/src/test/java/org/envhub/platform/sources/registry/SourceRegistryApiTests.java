package org.envhub.platform.sources.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import org.envhub.hj212.Hj212Packet;
import org.envhub.platform.auth.Role;
import org.envhub.platform.sources.DeviceConnection;
import org.envhub.platform.sources.SourcesFixture;
import org.envhub.platform.sources.alarms.AlarmEngine;
import org.envhub.platform.sources.alarms.EmissionLimits;
import org.envhub.platform.sources.gateway.Hj212Gateway;
import org.envhub.platform.support.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registry API (enterprises, outlets, points, devices, import), the board API (enterprises online, latest values
 * against limits, the compliance strip, the summary), frame details, alarm and KPI exports, and the 污染源 pages, as
 * each role sees them. H2 and PostgreSQL.
 */
// Data due every hour: online means data within 10 h, and no missing-data alarm comes while the class runs.
@SpringBootTest(properties = "envhub.hj212.alarms.data-interval=1h")
@AutoConfigureMockMvc
abstract class SourceRegistryApiTests {

    record Setup(SourcesFixture.Registered a, SourcesFixture.Registered b) {}

    private static final Map<Class<?>, Setup> SETUP = new ConcurrentHashMap<>();
    static final LocalDateTime DAY = LocalDateTime.of(2024, 5, 10, 0, 0);

    @Autowired MockMvc mvc;
    @Autowired SourcesFixture fixture;
    @Autowired Hj212Gateway gateway;
    @Autowired AlarmEngine engine;
    @Autowired EmissionLimits limits;
    @Autowired JdbcClient jdbc;

    Setup s;

    @BeforeEach
    void setUp() {
        s = SETUP.computeIfAbsent(getClass(), c -> {
            SourcesFixture.Registered a = fixture.enterpriseWithDevice("甲区", "MNREG_A1", "pwA");
            SourcesFixture.Registered b = fixture.enterpriseWithDevice("乙区", "MNREG_B1", "pwB");
            fixture.user("rgBureau", Role.BUREAU, null);
            fixture.user("rgDistrictA", Role.DISTRICT, fixture.district("甲区"));
            fixture.user("rgDistrictB", Role.DISTRICT, fixture.district("乙区"));
            fixture.user("rgViewer", Role.VIEWER, null);
            fixture.enterpriseUser("rgEntA", a.enterpriseId());
            fixture.enterpriseUser("rgEntB", b.enterpriseId());
            limits.set(a.pointId(), "a21026", 50, true, java.time.LocalDate.of(2024, 1, 1), "test");
            try {
                sendDays(a);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new Setup(a, b);
        });
    }

    /**
     * 10 May: 24 hourly values under the limit (compliant); 11 May: 3, one over it (exceedance); 12 May: 2 under it and a
     * real-time value over it (missing: not every hour came); 13 May: nothing.
     */
    private void sendDays(SourcesFixture.Registered a) throws Exception {
        List<Hj212Packet> packets = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            packets.add(SourcesFixture.hourly(a.mn(), a.pw(), DAY.plusHours(h), "a21026", "30", "40", "N"));
        }
        packets.add(SourcesFixture.hourly(a.mn(), a.pw(), DAY.plusDays(1), "a21026", "30", "40", "N"));
        packets.add(SourcesFixture.hourly(a.mn(), a.pw(), DAY.plusDays(1).plusHours(1), "a21026", "45", "55", "N"));
        packets.add(SourcesFixture.hourly(a.mn(), a.pw(), DAY.plusDays(1).plusHours(2), "a21026", "30", "40", "N"));
        packets.add(SourcesFixture.hourly(a.mn(), a.pw(), DAY.plusDays(2), "a21026", "30", "40", "N"));
        packets.add(SourcesFixture.hourly(a.mn(), a.pw(), DAY.plusDays(2).plusHours(1), "a21026", "30", "40", "N"));
        packets.add(SourcesFixture.realTime(a.mn(), a.pw(), DAY.plusDays(2).plusHours(2), "60", "20"));
        send(packets);
    }

    private void send(List<Hj212Packet> packets) throws Exception {
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            for (Hj212Packet p : packets) {
                c.send(SourcesFixture.bytes(p));
                assertThat(c.answer(10_000)).contains("QN=" + p.qn());
            }
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private String as(String user, AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        return call(request.with(httpBasic(user, SourcesFixture.PASSWORD)), status);
    }

    private String call(RequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andExpect(status().is(status)).andReturn();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private long district(String name) {
        return fixture.district(name);
    }

    @Test
    void enterprisesAreCreatedAndChangedWithCheckedFieldsByTheBureauAndTheirOwnDistrictOnlyAndAudited() throws Exception {
        String body = as("rgBureau", json(post("/api/sources/enterprises"), "{\"name\":\"登记测试火电厂\",\"creditCode\":\"91350100m000100y43\","
                + "\"district\":\"甲区\",\"industry\":\"火电\",\"address\":\"测试路1号\",\"longitude\":114.5,\"latitude\":38.05,"
                + "\"contactPerson\":\"张工\",\"contactPhone\":\"0311-12345678\"}"), 201);
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(JsonPath.<String>read(body, "$.creditCode")).isEqualTo("91350100M000100Y43");
        assertThat(((Number) JsonPath.read(body, "$.districtId")).longValue()).isEqualTo(district("甲区"));
        assertThat(JsonPath.<String>read(body, "$.district")).isEqualTo("甲区");
        assertThat(JsonPath.<Double>read(body, "$.latitude")).isEqualTo(38.05);

        assertThat(as("rgBureau", json(post("/api/sources/enterprises"), "{\"name\":\"另一家\",\"creditCode\":\"91350100M000100Y43\"}"), 400))
                .contains("already registered");
        assertThat(as("rgBureau", json(post("/api/sources/enterprises"), "{\"name\":\"校验错\",\"creditCode\":\"91350100M000100Y44\"}"), 400))
                .contains("creditCode").contains("check character");
        assertThat(as("rgBureau", json(post("/api/sources/enterprises"), "{\"name\":\"坐标错\",\"longitude\":200}"), 400)).contains("longitude");
        assertThat(as("rgBureau", json(post("/api/sources/enterprises"), "{\"creditCode\":\"\"}"), 400)).contains("name");
        assertThat(as("rgBureau", json(post("/api/sources/enterprises"), "{\"name\":\"区县错\",\"district\":\"没有这个区\"}"), 400)).contains("district");

        // A district registers in its own district only, and changes only its own district's enterprises.
        String own = as("rgDistrictA", json(post("/api/sources/enterprises"), "{\"name\":\"区县登记企业\"}"), 201);
        assertThat(((Number) JsonPath.read(own, "$.districtId")).longValue()).isEqualTo(district("甲区"));
        as("rgDistrictA", json(post("/api/sources/enterprises"), "{\"name\":\"越界企业\",\"district\":\"乙区\"}"), 403);
        as("rgDistrictB", json(put("/api/sources/enterprises/" + id), "{\"name\":\"改名\"}"), 403);
        as("rgDistrictA", json(put("/api/sources/enterprises/" + id), "{\"name\":\"登记测试火电厂（改）\",\"creditCode\":\"91350100M000100Y43\"}"), 200);
        as("rgDistrictA", json(put("/api/sources/enterprises/" + id), "{\"name\":\"搬走\",\"district\":\"乙区\"}"), 403);
        // Viewers and enterprises change nothing; without a login, 401.
        as("rgViewer", json(post("/api/sources/enterprises"), "{\"name\":\"只读企业\"}"), 403);
        as("rgEntA", json(put("/api/sources/enterprises/" + s.a().enterpriseId()), "{\"name\":\"自己改名\"}"), 403);
        call(json(post("/api/sources/enterprises"), "{\"name\":\"匿名\"}").with(csrf()), 401);
        call(json(post("/api/sources/enterprises"), "{\"name\":\"匿名\"}"), 403); // and without a CSRF token, refused before that
        call(get("/api/sources/enterprises"), 401);
        call(get("/api/sources/summary"), 401);

        assertThat(JsonPath.<String>read(as("rgViewer", get("/api/sources/enterprises/" + id), 200), "$.name")).isEqualTo("登记测试火电厂（改）");
        as("rgViewer", get("/api/sources/enterprises/99999999"), 404);
        assertThat(jdbc.sql("select count(*) from audit_log where target = ? and action in ('sources.enterprise.create', 'sources.enterprise.update')")
                .param("enterprise " + id).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select username from audit_log where target = ? and action = 'sources.enterprise.update'").param("enterprise " + id)
                .query(String.class).single()).isEqualTo("rgDistrictA");
    }

    @Test
    void outletsPointsAndDevicesAreRegisteredAndADisabledDevicesFramesAreRefused() throws Exception {
        long e = ((Number) JsonPath.read(as("rgBureau", json(post("/api/sources/enterprises"), "{\"name\":\"排口测试企业\",\"district\":\"甲区\"}"), 201),
                "$.id")).longValue();
        String outlet = as("rgDistrictA", json(post("/api/sources/enterprises/" + e + "/outlets"), "{\"code\":\"DW001\",\"name\":\"总排口\",\"kind\":\"废水\"}"), 201);
        assertThat(JsonPath.<String>read(outlet, "$.kind")).isEqualTo("water");
        long outletId = ((Number) JsonPath.read(outlet, "$.id")).longValue();
        assertThat(as("rgBureau", json(post("/api/sources/enterprises/" + e + "/outlets"), "{\"code\":\"DW001\",\"name\":\"重复\",\"kind\":\"water\"}"), 400))
                .contains("DW001");
        assertThat(as("rgBureau", json(post("/api/sources/enterprises/" + e + "/outlets"), "{\"code\":\"DX001\",\"name\":\"错类型\",\"kind\":\"噪声\"}"), 400))
                .contains("kind");
        as("rgDistrictB", json(post("/api/sources/enterprises/" + e + "/outlets"), "{\"code\":\"DA009\",\"name\":\"越界\",\"kind\":\"gas\"}"), 403);
        long point = ((Number) JsonPath.read(as("rgBureau", json(post("/api/sources/outlets/" + outletId + "/points"),
                "{\"code\":\"P1\",\"name\":\"总排口监测点\"}"), 201), "$.id")).longValue();
        as("rgBureau", json(put("/api/sources/points/" + point), "{\"code\":\"P1\",\"name\":\"总排口在线监测点\"}"), 200);

        String device = as("rgDistrictA", json(post("/api/sources/points/" + point + "/devices"),
                "{\"mn\":\"MNREG_NEW1\",\"password\":\"123456\",\"protocol\":\"HJ 212-2017\"}"), 201);
        assertThat(JsonPath.<String>read(device, "$.status")).isEqualTo("active");
        assertThat(JsonPath.<String>read(device, "$.protocol")).isEqualTo("2017");
        assertThat(as("rgBureau", json(post("/api/sources/points/" + point + "/devices"), "{\"mn\":\"MNREG_NEW1\",\"password\":\"1\"}"), 400))
                .contains("already registered");
        assertThat(as("rgBureau", json(post("/api/sources/points/" + point + "/devices"), "{\"mn\":\"MNREG_NEW2\",\"password\":\"1\",\"protocol\":\"2009\"}"), 400))
                .contains("protocol");
        assertThat(as("rgBureau", json(post("/api/sources/points/" + point + "/devices"), "{\"mn\":\"MNREG_NEW2\",\"password\":\"a;b\"}"), 400))
                .contains("password");
        as("rgEntA", json(put("/api/sources/devices/MNREG_NEW1"), "{\"enabled\":false}"), 403);
        assertThat(JsonPath.<String>read(as("rgDistrictA", json(put("/api/sources/devices/MNREG_NEW1"), "{\"enabled\":false,\"password\":\"654321\"}"), 200),
                "$.status")).isEqualTo("disabled");

        // A disabled device is refused: its frame is kept raw as rejected, not answered.
        Hj212Packet refused = SourcesFixture.realTime("MNREG_NEW1", "654321", DAY, "1", "2");
        Hj212Packet after = SourcesFixture.realTime("MNREG_A1", "pwA", DAY.plusDays(5), "60", "20");
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            c.send(SourcesFixture.bytes(refused));
            c.send(SourcesFixture.bytes(after));
            assertThat(c.answer(10_000)).contains("QN=" + after.qn());
        }
        Eventually.until("the disabled device's frame stored", () -> !jdbc.sql("select id from raw_frame where mn = 'MNREG_NEW1'").query(Long.class).list().isEmpty());
        assertThat(jdbc.sql("select reason from raw_frame where mn = 'MNREG_NEW1'").query(String.class).single()).isEqualTo("DEVICE_DISABLED");

        String tree = as("rgViewer", get("/api/sources/enterprises/" + e + "/outlets"), 200);
        assertThat(JsonPath.<List<String>>read(tree, "$[0].points[0].devices[*].mn")).containsExactly("MNREG_NEW1");
        assertThat(JsonPath.<String>read(tree, "$[0].points[0].name")).isEqualTo("总排口在线监测点");
        assertThat(jdbc.sql("select action from audit_log where action like 'sources.%' and (target = ? or target = ? or target = ? or target = 'device MNREG_NEW1')"
                        + " order by id").params("enterprise " + e, "outlet " + outletId, "point " + point).query(String.class).list())
                .containsExactly("sources.enterprise.create", "sources.outlet.create", "sources.point.create", "sources.point.update",
                        "sources.device.create", "sources.device.update");
    }

    @Test
    void aRegistryFileAddsAndUpdatesAndReportsBadRowsByLine() throws Exception {
        String csv = "企业名称,统一社会信用代码,区县,行业,排放口编码,排放口名称,排放口类型,监测点编码,监测点名称,MN,密码,协议版本\n"
                + "导入企业甲,914403001922038216,甲区,化工,DW001,总排口,废水,P1,总排口监测点,MNIMP0001,abc123,2005\n"
                + "导入企业乙,91110108551385082X,甲区,化工,,,,,,,,\n"
                + "导入企业丙,,没有这个区,化工,,,,,,,,\n"
                + "导入企业甲,914403001922038216,,,DW001,,,P2,二号监测点,MNIMP0002,abc124,2017\n"
                + "导入企业丁,,甲区,化工,,,,P1,,MNIMP0003,x,2017\n";
        MockMultipartFile file = new MockMultipartFile("file", "台账.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = as("rgBureau", multipart("/api/sources/registry/import").file(file), 200);
        assertThat(JsonPath.<String>read(body, "$.message")).startsWith("1 enterprises added, 1 updated; 1 outlets, 2 monitoring points, 2 devices added");
        assertThat(JsonPath.<List<String>>read(body, "$.problems[*].location")).containsExactly("台账.csv, line 3", "台账.csv, line 4", "台账.csv, line 6");
        assertThat(JsonPath.<List<String>>read(body, "$.problems[*].message")).satisfiesExactly(
                m -> assertThat(m).contains("creditCode"), m -> assertThat(m).contains("没有这个区"), m -> assertThat(m).contains("排放口编码"));
        // The bad rows left nothing behind; the good ones are one enterprise with one outlet, two points, two devices.
        assertThat(jdbc.sql("select count(*) from enterprise where name in ('导入企业乙', '导入企业丙', '导入企业丁')").query(Integer.class).single()).isZero();
        long e = jdbc.sql("select id from enterprise where credit_code = '914403001922038216'").query(Long.class).single();
        String tree = as("rgBureau", get("/api/sources/enterprises/" + e + "/outlets"), 200);
        assertThat(JsonPath.<List<String>>read(tree, "$[*].code")).containsExactly("DW001");
        assertThat(JsonPath.<String>read(tree, "$[0].kind")).isEqualTo("water");
        assertThat(JsonPath.<List<String>>read(tree, "$[0].points[*].devices[*].mn")).containsExactly("MNIMP0001", "MNIMP0002");
        assertThat(JsonPath.<List<String>>read(tree, "$[0].points[*].devices[*].protocol")).containsExactly("2005", "2017");
        assertThat(JsonPath.<String>read(as("rgBureau", get("/api/sources/enterprises/" + e), 200), "$.industry")).isEqualTo("化工");
        assertThat(jdbc.sql("select count(*) from data_import where kind = 'source-registry'").query(Integer.class).single()).isPositive();

        // The district of 乙区 may not touch 甲区's enterprises: each row refused, named by line.
        String other = as("rgDistrictB", multipart("/api/sources/registry/import")
                .file(new MockMultipartFile("file", "b.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))), 200);
        assertThat(JsonPath.<String>read(other, "$.message")).startsWith("0 enterprises added, 0 updated");
        assertThat(JsonPath.<List<String>>read(other, "$.problems[*].location")).hasSize(5);
        as("rgViewer", multipart("/api/sources/registry/import").file(file), 403);
    }

    @Test
    void eachRoleSeesItsOwnEnterprisesWithDevicesOnlineAndOpenAlarms() throws Exception {
        String all = as("rgBureau", get("/api/sources/enterprises"), 200);
        Map<String, Object> a = JsonPath.<List<Map<String, Object>>>read(all, "$[?(@.id == " + s.a().enterpriseId() + ")]").getFirst();
        Map<String, Object> b = JsonPath.<List<Map<String, Object>>>read(all, "$[?(@.id == " + s.b().enterpriseId() + ")]").getFirst();
        assertThat(a.get("status")).isEqualTo("online");
        assertThat(a.get("online")).isEqualTo(1);
        assertThat((Integer) a.get("openAlarms")).isPositive(); // the hourly exceedance of 11 May
        assertThat(b.get("status")).isEqualTo("offline");
        assertThat(b.get("openAlarms")).isEqualTo(0);
        assertThat(JsonPath.<List<Integer>>read(as("rgEntA", get("/api/sources/enterprises"), 200), "$[*].id"))
                .containsExactly((int) s.a().enterpriseId());
        List<Integer> districtB = JsonPath.read(as("rgDistrictB", get("/api/sources/enterprises"), 200), "$[*].id");
        assertThat(districtB).contains((int) s.b().enterpriseId()).doesNotContain((int) s.a().enterpriseId());
        // Filters.
        assertThat(JsonPath.<List<String>>read(as("rgBureau", get("/api/sources/enterprises").param("status", "offline"), 200), "$[*].status"))
                .isNotEmpty().containsOnly("offline");
        assertThat(JsonPath.<List<Integer>>read(as("rgBureau", get("/api/sources/enterprises").param("districtId", Long.toString(district("乙区"))), 200),
                "$[*].districtId")).isNotEmpty().containsOnly((int) district("乙区"));
        assertThat(as("rgBureau", get("/api/sources/enterprises").param("status", "asleep"), 400)).contains("status");
        MvcResult csv = mvc.perform(get("/api/sources/enterprises").param("format", "csv").with(httpBasic("rgEntA", SourcesFixture.PASSWORD))).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList()).hasSize(2); // header and its one enterprise

        String summary = as("rgEntB", get("/api/sources/summary"), 200);
        assertThat(JsonPath.<Integer>read(summary, "$.enterprises")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(summary, "$.devices")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(summary, "$.offline")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(summary, "$.openAlarms")).isEqualTo(0);
        String mine = as("rgEntA", get("/api/sources/summary"), 200);
        assertThat(JsonPath.<Integer>read(mine, "$.online")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(mine, "$.openAlarmsByKind.HOURLY_EXCEEDANCE")).isEqualTo(1);
        assertThat(JsonPath.<String>read(mine, "$.lastDataTime")).startsWith("2024-05-1");
        assertThat(((Number) JsonPath.read(mine, "$.onlineRateToday")).doubleValue()).isZero(); // no data dated today
    }

    @Test
    void theComplianceStripJudgesEachDayAndLatestValuesStandAgainstTheLimit() throws Exception {
        String body = as("rgEntA", get("/api/sources/enterprises/" + s.a().enterpriseId() + "/days").param("to", "2024-05-13").param("days", "4"), 200);
        assertThat(JsonPath.<List<String>>read(body, "$.days[*].status")).containsExactly("compliant", "exceedance", "missing", "nodata");
        assertThat(JsonPath.<List<Integer>>read(body, "$.days[*].hours")).containsExactly(24, 3, 2, 0);
        assertThat(JsonPath.<List<Integer>>read(body, "$.days[*].due")).containsExactly(24, 24, 24, 24);
        assertThat(JsonPath.<List<Integer>>read(body, "$.days[*].exceedances")).containsExactly(0, 1, 0, 0);
        assertThat(JsonPath.<String>read(body, "$.from")).isEqualTo("2024-05-10");
        assertThat(JsonPath.<String>read(body, "$.lastDataDay")).isIn("2024-05-12", "2024-05-15"); // 15 May: another test's frame
        assertThat(JsonPath.<List<Object>>read(as("rgEntA", get("/api/sources/enterprises/" + s.a().enterpriseId() + "/days"), 200), "$.days"))
                .hasSize(90);
        as("rgEntB", get("/api/sources/enterprises/" + s.a().enterpriseId() + "/days"), 403);
        as("rgDistrictB", get("/api/sources/enterprises/" + s.a().enterpriseId() + "/latest"), 403);
        as("rgEntA", get("/api/sources/enterprises/" + s.a().enterpriseId() + "/days").param("days", "0"), 400);

        String latest = as("rgDistrictA", get("/api/sources/enterprises/" + s.a().enterpriseId() + "/latest"), 200);
        assertThat(JsonPath.<String>read(latest, "$[0].mn")).isEqualTo("MNREG_A1");
        Map<String, Object> so2 = JsonPath.<List<Map<String, Object>>>read(latest, "$[0].values[?(@.value.factor == 'a21026')]").getFirst();
        assertThat(((Number) so2.get("limit")).doubleValue()).isEqualTo(50);
        assertThat(so2.get("onConverted")).isEqualTo(true);
        Map<String, Object> nox = JsonPath.<List<Map<String, Object>>>read(latest, "$[0].values[?(@.value.factor == 'a21002')]").getFirst();
        assertThat(nox.get("limit")).isNull();
        assertThat(nox.get("over")).isEqualTo(false);
        // The newest SO2 is a real-time 60 (12 May, or 15 May from another test): over the limit, as an indication.
        assertThat(((Number) JsonPath.read(so2, "$.value.value")).doubleValue()).isEqualTo(60);
        assertThat(so2.get("over")).isEqualTo(true);
        assertThat(JsonPath.<String>read(so2, "$.value.unit")).isEqualTo("mg/m³");
    }

    @Test
    void aFrameIsReadAgainForItsOwnEnterpriseOnly() throws Exception {
        String list = as("rgEntA", get("/api/sources/frames").param("mn", "MNREG_A1").param("limit", "1"), 200);
        int id = JsonPath.<Integer>read(list, "$[0].id");
        String frame = as("rgEntA", get("/api/sources/frames/" + id), 200);
        assertThat(JsonPath.<String>read(frame, "$.frame.outcome")).isEqualTo("accepted");
        assertThat(JsonPath.<String>read(frame, "$.parsed.header.MN")).isEqualTo("MNREG_A1");
        assertThat(JsonPath.<Integer>read(frame, "$.parsed.version")).isEqualTo(1);
        assertThat(JsonPath.<String>read(frame, "$.parsed.params.DataTime")).startsWith("2024");
        assertThat(JsonPath.<List<String>>read(frame, "$.parsed.factors[*].code")).contains("a21026");
        assertThat(JsonPath.<List<String>>read(frame, "$.parsed.factors[?(@.code == 'a21026')].name")).containsExactly("二氧化硫");
        assertThat(JsonPath.<String>read(frame, "$.parsed.error")).isNull();
        as("rgEntB", get("/api/sources/frames/" + id), 403);
        as("rgDistrictB", get("/api/sources/frames/" + id), 403);
        as("rgViewer", get("/api/sources/frames/" + id), 200);
        as("rgViewer", get("/api/sources/frames/999999999"), 404);
        // Another enterprise's frames are not listed either.
        assertThat(JsonPath.<List<String>>read(as("rgEntB", get("/api/sources/frames").param("mn", "MNREG_A1"), 200), "$")).isEmpty();
    }

    @Test
    void alarmsAndKpisFilterAndExportAsTables() throws Exception {
        String body = as("rgBureau", get("/api/sources/alarms").param("kind", "HOURLY_EXCEEDANCE").param("enterpriseId", Long.toString(s.a().enterpriseId())), 200);
        assertThat(JsonPath.<List<String>>read(body, "$[*].kind")).isNotEmpty().containsOnly("HOURLY_EXCEEDANCE");
        assertThat(JsonPath.<List<String>>read(body, "$[*].enterprise")).containsOnly(JsonPath.<String>read(
                as("rgBureau", get("/api/sources/enterprises/" + s.a().enterpriseId()), 200), "$.name"));
        assertThat(JsonPath.<List<String>>read(body, "$[*].factorName")).containsOnly("二氧化硫");
        assertThat(JsonPath.<List<String>>read(as("rgBureau", get("/api/sources/alarms").param("status", "unclosed")
                .param("districtId", Long.toString(district("乙区"))), 200), "$[*].district")).doesNotContain("甲区");
        assertThat(as("rgBureau", get("/api/sources/alarms").param("kind", "NOISE"), 400)).contains("kind");
        assertThat(as("rgBureau", get("/api/sources/alarms").param("status", "lost"), 400)).contains("status");
        assertThat(JsonPath.<List<Object>>read(as("rgEntB", get("/api/sources/alarms").param("enterpriseId", Long.toString(s.a().enterpriseId())), 200), "$"))
                .isEmpty();
        MvcResult csv = mvc.perform(get("/api/sources/alarms").param("enterpriseId", Long.toString(s.a().enterpriseId())).param("format", "csv")
                .with(httpBasic("rgViewer", SourcesFixture.PASSWORD))).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("报警类型").contains("小时均值超标");
        MvcResult xlsx = mvc.perform(get("/api/sources/kpis").param("from", "2024-05-10").param("to", "2024-05-11").param("format", "xlsx")
                .param("by", "district").with(httpBasic("rgViewer", SourcesFixture.PASSWORD))).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(as("rgViewer", get("/api/sources/kpis").param("format", "csv").param("by", "street"), 400)).contains("by");
    }

    @Test
    void thePagesOpenForEveryRoleThatLogsInAndAskForALoginOtherwise() throws Exception {
        for (String path : List.of("/sources", "/sources/alarms", "/sources/frames", "/sources/kpis", "/sources/registry",
                "/sources/enterprises/" + s.a().enterpriseId())) {
            assertThat(as("rgViewer", get(path), 200)).as(path).contains("污染源").contains("/js/sources.js");
            assertThat(as("rgEntA", get(path), 200)).as(path).contains("企业用户");
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        }
        // Only those who may change see the editing controls' switch on.
        assertThat(as("rgViewer", get("/sources/alarms"), 200)).contains("data-can-edit=\"false\"");
        assertThat(as("rgDistrictA", get("/sources/alarms"), 200)).contains("data-can-edit=\"true\"");
    }
}
