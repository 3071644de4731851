package org.envhub.platform.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Writer;
import org.envhub.platform.auth.Role;
import org.envhub.platform.sources.gateway.Hj212Gateway;
import org.envhub.platform.support.Eventually;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sources API on frames sent through the gateway: the frame summary and the latest values, as each role
 * sees them. Run on H2 and PostgreSQL by the subclasses. Summaries start at this class's own start time, as
 * the PostgreSQL schema is shared by the test classes of one run.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class SourcesApiTests {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 1, 10, 0, 0);

    @Autowired MockMvc mvc;
    @Autowired Hj212Gateway gateway;
    @Autowired SourcesFixture fixture;
    @Autowired JdbcClient jdbc;

    /** When each subclass (each database) sent its frames: they are sent once per database. */
    private static final Map<Class<?>, String> STARTS = new java.util.concurrent.ConcurrentHashMap<>();

    private String start;

    @BeforeEach
    void frames() throws Exception {
        start = STARTS.get(getClass());
        if (start != null) {
            return;
        }
        start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        SourcesFixture.Registered a = fixture.enterpriseWithDevice("甲区", "MNAPI_A1", "pwA");
        SourcesFixture.Registered b = fixture.enterpriseWithDevice("乙区", "MNAPI_B1", "pwB");
        fixture.user("srcBureau", Role.BUREAU, null);
        fixture.user("srcDistrictA", Role.DISTRICT, fixture.district("甲区"));
        fixture.user("srcDistrictB", Role.DISTRICT, fixture.district("乙区"));
        fixture.enterpriseUser("srcEnt1", a.enterpriseId());
        fixture.enterpriseUser("srcEnt2", b.enterpriseId());

        byte[] corrupted = SourcesFixture.bytes(SourcesFixture.realTime("MNAPI_A1", "pwA", T0.plusMinutes(5), "1", "2"));
        corrupted[corrupted.length - 3] ^= 0x01;
        String old2005 = "ST=31;CN=2011;PW=pwA;MN=MNAPI_A1;CP=&&DataTime=20240301100100000;02-Rtd=15.5,02-Flag=N&&";
        Hj212Packet last = SourcesFixture.realTime("MNAPI_B1", "pwB", T0, "5", "6");
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNAPI_A1", "pwA", T0, "12.5", "33.06")));
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNAPI_A1", "pwA", T0, "99", "99")));      // duplicate
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNAPI_A1", "wrong", T0.plusMinutes(2), "1", "1")));
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNAPI_X1", "pwA", T0, "1", "1")));        // unknown
            c.send(corrupted);
            c.send(Hj212Writer.frame(old2005.getBytes(StandardCharsets.US_ASCII)));
            c.send(SourcesFixture.bytes(last));
            String answer;
            do {
                answer = c.answer(10_000);
            } while (answer != null && !answer.contains(last.qn()));
            assertThat(answer).as("answer to the last frame").isNotNull();
        }
        LocalDateTime since = OffsetDateTime.parse(start).toLocalDateTime(); // received_at is UTC
        Eventually.until("all seven frames stored", () -> jdbc.sql("select count(*) from raw_frame where received_at >= ?")
                .param(since).query(Integer.class).single() == 7);
        STARTS.put(getClass(), start);
    }

    private String summaryAs(String user) throws Exception {
        return mvc.perform(get("/api/sources/frames/summary").param("from", start).with(httpBasic(user, SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long at(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }

    @Test
    void theBureauSeesEveryFrameWithItsOutcomeDeviationsAndReasons() throws Exception {
        String body = summaryAs("srcBureau");
        assertThat(at(body, "$.received")).isEqualTo(7);
        assertThat(at(body, "$.accepted")).isEqualTo(4); // two new, one duplicate, the 2005 frame
        assertThat(at(body, "$.duplicates")).isEqualTo(1);
        assertThat(at(body, "$.rejected")).isEqualTo(3);
        Map<String, Object> reasons = JsonPath.read(body, "$.rejectReasons");
        assertThat(reasons).containsOnlyKeys("WRONG_PASSWORD", "UNKNOWN_DEVICE", "CHECK_MISMATCH");
        Map<String, Object> deviations = JsonPath.read(body, "$.deviations");
        assertThat(deviations).containsEntry("MISSING_FLAG", 1).containsEntry("DATATIME_17_DIGITS", 1).containsEntry("MISSING_QN", 1);
    }

    @Test
    void districtAndEnterpriseUsersSeeOnlyTheirOwnDevicesFrames() throws Exception {
        for (String user : List.of("srcDistrictA", "srcEnt1")) {
            String body = summaryAs(user);
            assertThat(at(body, "$.received")).as(user).isEqualTo(5);
            assertThat(at(body, "$.accepted")).as(user).isEqualTo(3);
            assertThat(at(body, "$.rejected")).as(user).isEqualTo(2);
        }
        for (String user : List.of("srcDistrictB", "srcEnt2")) {
            String body = summaryAs(user);
            assertThat(at(body, "$.received")).as(user).isEqualTo(1);
            assertThat(at(body, "$.rejected")).as(user).isZero();
        }
    }

    @Test
    void aPeriodBeforeTheFramesIsEmptyAndBadTimesAreNamed() throws Exception {
        String body = mvc.perform(get("/api/sources/frames/summary").param("from", "2020-01-01").param("to", "2020-01-31")
                .with(httpBasic("srcBureau", SourcesFixture.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(at(body, "$.received")).isZero();
        assertThat(JsonPath.<String>read(body, "$.to")).isEqualTo("2020-02-01T00:00:00+08:00");
        mvc.perform(get("/api/sources/frames/summary").param("from", "2024-13-01").with(httpBasic("srcBureau", SourcesFixture.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("from")));
        mvc.perform(get("/api/sources/frames/summary")).andExpect(status().isUnauthorized());
    }

    @Test
    void latestGivesEachFactorWithItsDataTimeKindAndFlag() throws Exception {
        String body = mvc.perform(get("/api/sources/devices/MNAPI_A1/latest").with(httpBasic("srcEnt1", SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> factors = JsonPath.read(body, "$[*].factor");
        assertThat(factors).containsExactly("02", "a21002", "a21026");
        // The duplicate (99) did not replace the first value.
        assertThat(JsonPath.<Double>read(body, "$[2].value")).isEqualTo(12.5);
        assertThat(JsonPath.<String>read(body, "$[2].flag")).isEqualTo("N");
        assertThat(JsonPath.<String>read(body, "$[2].dataKind")).isEqualTo("2011");
        assertThat(JsonPath.<String>read(body, "$[2].dataTime")).isEqualTo("2024-03-01T10:00:00+08:00");
        assertThat(JsonPath.<String>read(body, "$[2].name")).isEqualTo("二氧化硫");
        assertThat(JsonPath.<String>read(body, "$[0].dataTime")).isEqualTo("2024-03-01T10:01:00+08:00");
        assertThat(JsonPath.<Double>read(body, "$[0].value")).isEqualTo(15.5);
    }

    @Test
    void anEnterpriseOrDistrictUserDoesNotSeeAnotherEnterprisesDevice() throws Exception {
        mvc.perform(get("/api/sources/devices/MNAPI_B1/latest").with(httpBasic("srcEnt1", SourcesFixture.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/sources/devices/MNAPI_A1/latest").with(httpBasic("srcEnt2", SourcesFixture.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/sources/devices/MNAPI_B1/latest").with(httpBasic("srcDistrictA", SourcesFixture.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/sources/devices/MNAPI_B1/latest").with(httpBasic("srcBureau", SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].factor").value(Matchers.contains("a21002", "a21026")));
        mvc.perform(get("/api/sources/devices/NOSUCHMN/latest").with(httpBasic("srcBureau", SourcesFixture.PASSWORD))).andExpect(status().isNotFound());
    }

    @Test
    void devicesAndRawFramesAreListedWithinTheUsersScope() throws Exception {
        String all = mvc.perform(get("/api/sources/devices").with(httpBasic("srcBureau", SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(all, "$[*].mn")).contains("MNAPI_A1", "MNAPI_B1");
        String own = mvc.perform(get("/api/sources/devices").with(httpBasic("srcEnt1", SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(own, "$[*].mn")).containsExactly("MNAPI_A1");
        assertThat(JsonPath.<String>read(own, "$[0].district")).isEqualTo("甲区");
        assertThat(JsonPath.<String>read(own, "$[0].lastDataAt")).isNotNull();

        String rejected = mvc.perform(get("/api/sources/frames").param("outcome", "rejected").param("from", start)
                .with(httpBasic("srcEnt1", SourcesFixture.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(rejected, "$[*].reason")).containsExactly("CHECK_MISMATCH", "WRONG_PASSWORD");
        assertThat(JsonPath.<List<String>>read(rejected, "$[*].text")).allSatisfy(t -> assertThat(t).startsWith("##").contains("MN=MNAPI_A1"));
        String unknown = mvc.perform(get("/api/sources/frames").param("mn", "MNAPI_X1").with(httpBasic("srcBureau", SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(unknown, "$[*].reason")).containsExactly("UNKNOWN_DEVICE");
        // Frames of an unknown MN belong to no enterprise: a district does not see them.
        String none = mvc.perform(get("/api/sources/frames").param("mn", "MNAPI_X1").with(httpBasic("srcDistrictA", SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(none, "$[*].id")).isEmpty();
    }
}
