package org.envhub.platform.sources.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.envhub.hj212.Hj212Packet;
import org.envhub.platform.auth.Role;
import org.envhub.platform.sources.DeviceConnection;
import org.envhub.platform.sources.SourceTime;
import org.envhub.platform.sources.SourcesFixture;
import org.envhub.platform.sources.gateway.Hj212Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Alarm rules on data sent through the gateway, the alarm lifecycle, limits and KPIs over the API. H2 and PostgreSQL. */
@SpringBootTest(properties = "envhub.hj212.alarms.stuck-count=5")
@AutoConfigureMockMvc
abstract class AlarmsTests {

    static final LocalDateTime DAY = LocalDateTime.of(2024, 3, 1, 10, 0);
    private static final Map<Class<?>, SourcesFixture.Registered> SETUP = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired Hj212Gateway gateway;
    @Autowired SourcesFixture fixture;
    @Autowired AlarmEngine engine;
    @Autowired JdbcClient jdbc;

    SourcesFixture.Registered dev;

    @BeforeEach
    void setUp() {
        dev = SETUP.computeIfAbsent(getClass(), c -> {
            SourcesFixture.Registered r = fixture.enterpriseWithDevice("甲区", "MNALARM01", "pw");
            fixture.user("alBureau", Role.BUREAU, null);
            fixture.user("alDistrictA", Role.DISTRICT, fixture.district("甲区"));
            fixture.user("alDistrictB", Role.DISTRICT, fixture.district("乙区"));
            fixture.enterpriseUser("alEnt1", r.enterpriseId());
            SourcesFixture.Registered other = fixture.enterpriseWithDevice("乙区", "MNALARM02", "pw");
            fixture.enterpriseUser("alEnt2", other.enterpriseId());
            return r;
        });
    }

    private void send(Hj212Packet... packets) throws Exception {
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            for (Hj212Packet p : packets) {
                c.send(SourcesFixture.bytes(p));
                assertThat(c.answer(10_000)).contains("QN=" + p.qn());
            }
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private String as(String user, org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private List<Map<String, Object>> alarms(String mn, String kind) {
        return jdbc.sql("select factor, occurrences, reading, limit_value, status, detail from source_alarm where mn = ? and kind = ? order by id")
                .params(mn, kind).query().listOfRows();
    }

    private int missingCount(String mn) {
        return jdbc.sql("select coalesce(sum(occurrences), 0) from source_alarm where mn = ? and kind = 'MISSING_DATA'").param(mn)
                .query(Integer.class).single();
    }

    @Test
    void hourlyAveragesOverTheLimitOfTheirDayRaiseOneAlarmCountingRepeats() throws Exception {
        String limits = "/api/sources/points/" + dev.pointId() + "/limits";
        as("alBureau", put(limits).with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"limit\":50,\"onConverted\":true,\"effectiveFrom\":\"2024-01-01\"}"), 200);
        String body = as("alBureau", put(limits).with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"limit\":70,\"onConverted\":true,\"effectiveFrom\":\"2024-03-02\"}"), 200);
        assertThat(JsonPath.<List<String>>read(body, "$[*].effectiveUntil")).containsExactly("2024-03-01", null);
        // The enterprise may not set its own limits.
        as("alEnt1", put(limits).with(httpBasic("alEnt1", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"limit\":500,\"effectiveFrom\":\"2024-01-01\"}"), 403);

        send(SourcesFixture.hourly("MNALARM01", "pw", DAY, "a21026", "40", "60", "N"),          // Zs 60 > 50: alarm
                SourcesFixture.hourly("MNALARM01", "pw", DAY.plusHours(1), "a21026", "45", "55", "N"),  // again: counted on it
                SourcesFixture.hourly("MNALARM01", "pw", DAY.plusHours(2), "a21026", "60", "49", "N"),  // Avg 60 but Zs 49: none
                SourcesFixture.hourly("MNALARM01", "pw", DAY.plusDays(1), "a21026", "40", "60", "N"),  // next day's limit 70: none
                SourcesFixture.hourly("MNALARM01", "pw", DAY.plusHours(3), "02", "30", "80", "N"));     // 2005 code of SO2: its limit too
        List<Map<String, Object>> raised = alarms("MNALARM01", "HOURLY_EXCEEDANCE");
        assertThat(raised).hasSize(2);
        assertThat(raised.get(0).get("factor")).isEqualTo("a21026");
        assertThat(((Number) raised.get(0).get("occurrences")).intValue()).isEqualTo(2);
        assertThat(((Number) raised.get(0).get("reading")).doubleValue()).isEqualTo(55);
        assertThat(((Number) raised.get(0).get("limit_value")).doubleValue()).isEqualTo(50);
        assertThat((String) raised.get(0).get("detail")).contains("折算值 ZsAvg");
        assertThat(raised.get(1).get("factor")).isEqualTo("02");
        assertThat(((Number) raised.get(1).get("reading")).doubleValue()).isEqualTo(80);
    }

    @Test
    void abnormalFlagsStuckValuesAndMissingDataRaiseAlarms() throws Exception {
        Hj212Packet[] realTime = new Hj212Packet[6];
        for (int i = 0; i < realTime.length; i++) {
            // NOx stuck at 33.0; SO2 varies; the third packet's SO2 is flagged D (fault).
            realTime[i] = SourcesFixture.realTime("MNALARM01", "pw", DAY.plusMinutes(30 + i), i == 2 ? "D" : Integer.toString(10 + i), "33.0");
        }
        // realTime() writes the SO2 flag as N; a fault flag needs its own packet.
        realTime[2] = org.envhub.hj212.Hj212Packet.builder().qn("20240301103200000").st("31").cn("2011").pw("pw").mn("MNALARM01").flag(5)
                .cp(org.envhub.hj212.Cp.builder().dataTime(DAY.plusMinutes(32))
                        .factor(org.envhub.hj212.Factor.builder("a21026").rtd("12").flag("D"))
                        .factor(org.envhub.hj212.Factor.builder("a21002").rtd("33.0").flag("N")).build()).build();
        send(realTime);
        assertThat(alarms("MNALARM01", "ABNORMAL_FLAG")).singleElement().satisfies(a -> {
            assertThat(a.get("factor")).isEqualTo("a21026");
            assertThat((String) a.get("detail")).contains("D（故障）");
        });
        assertThat(alarms("MNALARM01", "STUCK_VALUE")).singleElement().satisfies(a -> {
            assertThat(a.get("factor")).isEqualTo("a21002");
            assertThat(((Number) a.get("occurrences")).intValue()).isEqualTo(2); // the 5th and 6th in a row
        });

        // Not silent now; silent an hour from now (10 intervals of a minute, the default). Other tests of the
        // class may have raised one already: count occurrences.
        int before = missingCount("MNALARM01");
        engine.checkMissing(SourceTime.nowUtc());
        assertThat(missingCount("MNALARM01")).isEqualTo(before);
        engine.checkMissing(SourceTime.nowUtc().plusHours(1));
        assertThat(missingCount("MNALARM01")).isEqualTo(before + 1);
        assertThat(alarms("MNALARM01", "MISSING_DATA")).last().satisfies(a -> assertThat((String) a.get("detail")).contains("分钟无数据"));
    }

    @Test
    void anAlarmIsAcknowledgedVerifiedAndClosedWithWhoAndWhenInItsDistrictOnly() throws Exception {
        engine.checkMissing(SourceTime.nowUtc().plusHours(2));
        long id = jdbc.sql("select id from source_alarm where mn = 'MNALARM02' and kind = 'MISSING_DATA' and status = 'open'").query(Long.class).single();
        String base = "/api/sources/alarms/" + id;
        // Seen by its district and its enterprise, not by the other ones.
        assertThat(JsonPath.<List<Integer>>read(as("alEnt2", get("/api/sources/alarms").with(httpBasic("alEnt2", SourcesFixture.PASSWORD)), 200), "$[*].id"))
                .contains((int) id);
        assertThat(JsonPath.<List<Integer>>read(as("alEnt1", get("/api/sources/alarms").with(httpBasic("alEnt1", SourcesFixture.PASSWORD)), 200), "$[*].id"))
                .doesNotContain((int) id);
        as("alDistrictA", post(base + "/acknowledge").with(httpBasic("alDistrictA", SourcesFixture.PASSWORD)), 403);
        as("alEnt2", post(base + "/acknowledge").with(httpBasic("alEnt2", SourcesFixture.PASSWORD)), 403);
        // Out of order: 400 naming the order.
        String wrong = as("alDistrictB", post(base + "/close").with(httpBasic("alDistrictB", SourcesFixture.PASSWORD)), 400);
        assertThat(wrong).contains("open → acknowledged → verified → closed");

        as("alDistrictB", post(base + "/acknowledge").with(httpBasic("alDistrictB", SourcesFixture.PASSWORD)), 200);
        as("alBureau", post(base + "/verify").with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"trueAlarm\": false, \"note\": \"数采仪断电, 已恢复\"}"), 200);
        as("alDistrictB", post(base + "/close").with(httpBasic("alDistrictB", SourcesFixture.PASSWORD)), 200);
        Map<String, Object> row = jdbc.sql("select status, acknowledged_by, acknowledged_at, verified_by, verified_true, closed_by, closed_at, note"
                + " from source_alarm where id = ?").param(id).query().singleRow();
        assertThat(row.get("status")).isEqualTo("closed");
        assertThat(row.get("acknowledged_by")).isEqualTo("alDistrictB");
        assertThat(row.get("acknowledged_at")).isNotNull();
        assertThat(row.get("verified_by")).isEqualTo("alBureau");
        assertThat(row.get("verified_true")).isEqualTo(false);
        assertThat(row.get("closed_by")).isEqualTo("alDistrictB");
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(row.get("note")).isEqualTo("数采仪断电, 已恢复");
        // A new silence opens a new alarm: the closed one is history.
        engine.checkMissing(SourceTime.nowUtc().plusHours(3));
        assertThat(alarms("MNALARM02", "MISSING_DATA")).extracting(a -> a.get("status")).contains("closed", "open");
    }

    @Test
    void networkKpisFollowTheDocumentedFormulas() throws Exception {
        long district = fixture.district("丙区");
        SourcesFixture.Registered k = fixture.enterpriseWithDevice("丙区", "MNKPI0001", "pw");
        fixture.pointWithDevice(k.enterpriseId(), "DA002", "MNKPI0002", "pw");
        LocalDateTime day = LocalDateTime.of(2024, 3, 5, 0, 0);
        send(SourcesFixture.hourly("MNKPI0001", "pw", day.plusHours(1), "a21026", "10", null, "N"),
                SourcesFixture.hourly("MNKPI0001", "pw", day.plusHours(2), "a21026", "10", null, "D"),
                SourcesFixture.hourly("MNKPI0001", "pw", day.plusHours(3), "a21026", "10", null, "N"),
                SourcesFixture.hourly("MNKPI0001", "pw", day.plusHours(24), "a21026", "10", null, "N")); // the next day: outside
        String body = as("alBureau", get("/api/sources/kpis").param("from", "2024-03-05").param("to", "2024-03-05")
                .with(httpBasic("alBureau", SourcesFixture.PASSWORD)), 200);
        Map<String, Object> e = JsonPath.<List<Map<String, Object>>>read(body, "$.enterprises[?(@.id == " + k.enterpriseId() + ")]").getFirst();
        // 2 points, 1 online: 50 %; 3 hourly values of 2 x 24 due, 2 of them valid.
        assertThat(e.get("points")).isEqualTo(2);
        assertThat(e.get("online")).isEqualTo(1);
        assertThat(((Number) e.get("onlineRate")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) e.get("expectedHours")).intValue()).isEqualTo(48);
        assertThat(((Number) e.get("receivedHours")).intValue()).isEqualTo(3);
        assertThat(((Number) e.get("validHours")).intValue()).isEqualTo(2);
        assertThat(((Number) e.get("transmissionRate")).doubleValue()).isEqualTo(0.0625);
        assertThat(((Number) e.get("validRate")).doubleValue()).isEqualTo(0.6667);
        assertThat(((Number) e.get("effectiveTransmissionRate")).doubleValue()).isEqualTo(0.0417);
        Map<String, Object> d = JsonPath.<List<Map<String, Object>>>read(body, "$.districts[?(@.id == " + district + ")]").getFirst();
        assertThat(d.get("name")).isEqualTo("丙区");
        assertThat(((Number) d.get("effectiveTransmissionRate")).doubleValue()).isEqualTo(0.0417);
        // An enterprise user sees its own enterprise only.
        String own = as("alEnt1", get("/api/sources/kpis").param("from", "2024-03-05").with(httpBasic("alEnt1", SourcesFixture.PASSWORD)), 200);
        assertThat(JsonPath.<List<Integer>>read(own, "$.enterprises[*].id")).containsExactly((int) dev.enterpriseId());
    }

    private static Hj212Packet realTimeWith(String mn, LocalDateTime t, String... codeValueFlag) {
        org.envhub.hj212.Cp.Builder cp = org.envhub.hj212.Cp.builder().dataTime(t);
        for (int i = 0; i < codeValueFlag.length; i += 3) {
            cp.factor(org.envhub.hj212.Factor.builder(codeValueFlag[i]).rtd(codeValueFlag[i + 1]).flag(codeValueFlag[i + 2]));
        }
        return Hj212Packet.builder().qn(org.envhub.hj212.Cp.formatTime(t) + "000").st("31").cn("2011").pw("pw").mn(mn).flag(5).cp(cp.build()).build();
    }

    @Test
    void zeroOutOfRangeAndJumpChecksFollowThePointsSettingsOnRunningValues() throws Exception {
        SourcesFixture.Registered d = fixture.enterpriseWithDevice("甲区", "MNCHECK01", "pw");
        String checks = "/api/sources/points/" + d.pointId() + "/checks";
        // SO2: range 0..500, zero check, jumps of 5 times; NOx: no zero check, jumps of a step of 100.
        as("alBureau", put(checks).with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"rangeLow\":0,\"rangeHigh\":500,\"zeroCheck\":true,\"jumpRatio\":5}"), 200);
        String body = as("alDistrictA", put(checks).with(httpBasic("alDistrictA", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"03\",\"zeroCheck\":false,\"jumpStep\":100}"), 200);
        // The 2005 code is kept under its 2017 one.
        assertThat(JsonPath.<List<String>>read(body, "$[*].factor")).containsExactly("a21002", "a21026");
        // Bad settings are named; others may not set them.
        assertThat(as("alBureau", put(checks).with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"jumpRatio\":0.5}"), 400)).contains("jumpRatio");
        assertThat(as("alBureau", put(checks).with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"rangeLow\":10,\"rangeHigh\":5}"), 400)).contains("rangeLow");
        as("alEnt1", put(checks).with(httpBasic("alEnt1", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"zeroCheck\":false}"), 403);
        as("alDistrictB", put(checks).with(httpBasic("alDistrictB", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"zeroCheck\":false}"), 403);

        LocalDateTime t = DAY.plusDays(3);
        send(realTimeWith("MNCHECK01", t, "a21026", "10", "N", "a21002", "50", "N"),
                realTimeWith("MNCHECK01", t.plusMinutes(1), "a21026", "0", "N", "a21002", "0", "N"),       // SO2 zero; NOx zero allowed
                realTimeWith("MNCHECK01", t.plusMinutes(2), "a21026", "12", "N", "a21002", "200", "N"),    // NOx +200 over 0: a jump
                realTimeWith("MNCHECK01", t.plusMinutes(3), "a21026", "600", "N", "a21002", "210", "N"),   // SO2 beyond 500
                realTimeWith("MNCHECK01", t.plusMinutes(4), "a21026", "70", "N", "a21002", "205", "N"),    // SO2 70 / 12 >= 5: a jump
                realTimeWith("MNCHECK01", t.plusMinutes(5), "a21026", "-3", "F", "a21002", "0", "N"),      // stopped: not checked
                realTimeWith("MNCHECK01", t.plusMinutes(6), "a21026", "-1", "N", "a21002", "5", "N"),      // SO2 negative again
                realTimeWith("MNCHECK01", t.plusMinutes(7), "a21026", "400", "N", "a19001", "30", "N"));   // O2 30 %: default range 0..25
        assertThat(alarms("MNCHECK01", "ZERO_OR_NEGATIVE")).singleElement().satisfies(a -> {
            assertThat(a.get("factor")).isEqualTo("a21026");
            assertThat(((Number) a.get("occurrences")).intValue()).isEqualTo(2);
            assertThat(((Number) a.get("reading")).doubleValue()).isEqualTo(-1);
        });
        assertThat(alarms("MNCHECK01", "OUT_OF_RANGE")).extracting(a -> a.get("factor") + " " + ((Number) a.get("reading")).doubleValue() + " "
                + ((Number) a.get("limit_value")).doubleValue()).containsExactly("a21026 600.0 500.0", "a19001 30.0 25.0");
        assertThat((String) alarms("MNCHECK01", "OUT_OF_RANGE").get(1).get("detail")).contains("（默认）");
        // SO2: 12 → 70 (the zero and the 600 were not taken as previous values); after the stop, -1 and then 400 follow no
        // running value (-1 failed the zero check), so no more jumps. NOx: 0 → 200 only (then 5 after 0 flagged with F in its packet).
        assertThat(alarms("MNCHECK01", "SUDDEN_JUMP")).extracting(a -> a.get("factor") + " x" + a.get("occurrences") + " "
                + ((Number) a.get("reading")).doubleValue()).containsExactlyInAnyOrder("a21026 x1 70.0", "a21002 x1 200.0");

        body = as("alDistrictA", get(checks).with(httpBasic("alDistrictA", SourcesFixture.PASSWORD)), 200);
        as("alEnt1", get(checks).with(httpBasic("alEnt1", SourcesFixture.PASSWORD)), 403); // another enterprise's point
        assertThat(JsonPath.<List<String>>read(body, "$.configured[*].factor")).containsExactly("a21002", "a21026");
        assertThat(JsonPath.<List<Object>>read(body, "$.defaults[?(@.factor == 'w01001')].rangeHigh")).containsExactly(14.0);
        assertThat(JsonPath.<List<Object>>read(body, "$.defaults[?(@.factor == 'a01013')].zeroCheck")).containsExactly(false);
        as("alBureau", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(checks + "/03")
                .with(httpBasic("alBureau", SourcesFixture.PASSWORD)), 200);
        as("alBureau", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(checks + "/03")
                .with(httpBasic("alBureau", SourcesFixture.PASSWORD)), 404);
        assertThat(jdbc.sql("select count(*) from audit_log where action like 'sources.check.%' and target like ?")
                .param("point " + d.pointId() + "%").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void batchAnalysersAreNotCheckedForStuckValuesUnlessThePointAsks() throws Exception {
        SourcesFixture.Registered d = fixture.enterpriseWithDevice("甲区", "MNSTUCK01", "pw");
        LocalDateTime t = DAY.plusDays(5);
        // COD repeats its last result between measurements; SO2 varies. The class sets stuck-count 5.
        Hj212Packet[] first = new Hj212Packet[6];
        for (int i = 0; i < first.length; i++) {
            first[i] = realTimeWith("MNSTUCK01", t.plusMinutes(i), "w01018", "25.0", "N", "a21026", Integer.toString(10 + i), "N");
        }
        send(first);
        assertThat(alarms("MNSTUCK01", "STUCK_VALUE")).isEmpty();

        String checks = "/api/sources/points/" + d.pointId() + "/checks";
        String body = as("alBureau", get(checks).with(httpBasic("alBureau", SourcesFixture.PASSWORD)), 200);
        assertThat(JsonPath.<List<Object>>read(body, "$.defaults[?(@.factor == 'w01018')].stuckCount")).containsExactly(0);
        assertThat(JsonPath.<List<Object>>read(body, "$.defaults[?(@.factor == '*')].stuckCount")).containsExactly(5);
        assertThat(as("alBureau", put(checks).with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"a21026\",\"stuckCount\":1}"), 400)).contains("stuckCount");
        // The point asks for COD (by its 2005 code) to be checked after 8 identical values in a row.
        body = as("alBureau", put(checks).with(httpBasic("alBureau", SourcesFixture.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"factor\":\"011\",\"stuckCount\":8}"), 200);
        assertThat(JsonPath.<List<Object>>read(body, "$[?(@.factor == 'w01018')].stuckCount")).containsExactly(8);
        send(realTimeWith("MNSTUCK01", t.plusMinutes(6), "w01018", "25.0", "N", "a21026", "30", "N"),  // 7th in a row
                realTimeWith("MNSTUCK01", t.plusMinutes(7), "w01018", "25.0", "N", "a21026", "31", "N"),  // 8th (the run counts from the first): alarm
                realTimeWith("MNSTUCK01", t.plusMinutes(8), "w01018", "25.0", "N", "a21026", "32", "N")); // 9th: counted on it
        assertThat(alarms("MNSTUCK01", "STUCK_VALUE")).singleElement().satisfies(a -> {
            assertThat(a.get("factor")).isEqualTo("w01018");
            assertThat(((Number) a.get("occurrences")).intValue()).isEqualTo(2);
            assertThat((String) a.get("detail")).contains("化学需氧量(w01018)").contains("连续 9 次");
        });
    }
}
