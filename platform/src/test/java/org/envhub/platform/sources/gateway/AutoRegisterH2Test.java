package org.envhub.platform.sources.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.envhub.hj212.Hj212Packet;
import org.envhub.platform.sources.DeviceConnection;
import org.envhub.platform.sources.PollutionSources;
import org.envhub.platform.sources.SourcesFixture;
import org.envhub.platform.support.TestDatabases;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With auto-registration (the demo's setting) an unknown MN becomes a pending device and its data is kept. */
@SpringBootTest(properties = "envhub.hj212.auto-register=true")
@AutoConfigureMockMvc
class AutoRegisterH2Test {

    @Autowired MockMvc mvc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired Hj212Gateway gateway;
    @Autowired JdbcClient jdbc;
    @Autowired PollutionSources sources;
    @Autowired SourcesFixture fixture;

    @Test
    void anUnknownDeviceIsRegisteredAsPendingWithItsPasswordAndItsDataKept() throws Exception {
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            Hj212Packet first = SourcesFixture.realTime("MNNEW000001", "secret", GatewayStorageTests.T0, "7", "8");
            c.send(SourcesFixture.bytes(first));
            assertThat(c.answer(10_000)).contains("QN=" + first.qn());
            Map<String, Object> device = jdbc.sql("select status, password, point_id from device where mn = 'MNNEW000001'").query().singleRow();
            assertThat(device.get("status")).isEqualTo("pending");
            assertThat(device.get("password")).isEqualTo("secret");
            assertThat(device.get("point_id")).isNull();
            assertThat(jdbc.sql("select count(*) from measurement where mn = 'MNNEW000001'").query(Integer.class).single()).isEqualTo(2);

            // From then on its password is checked like any other device's.
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNNEW000001", "guess", GatewayStorageTests.T0.plusMinutes(1), "7", "8")));
            // An MN that could not be a device's (a space, a quote) is not registered.
            String odd = "QN=20240301100000000;ST=31;CN=2011;PW=x;MN=MN 'X';Flag=5;CP=&&DataTime=20240301100000;a21026-Rtd=1&&";
            c.send(org.envhub.hj212.Hj212Writer.frame(odd.getBytes(StandardCharsets.ISO_8859_1)));
            Hj212Packet later = SourcesFixture.realTime("MNNEW000001", "secret", GatewayStorageTests.T0.plusMinutes(2), "7", "8");
            c.send(SourcesFixture.bytes(later));
            assertThat(c.answer(10_000)).contains("QN=" + later.qn());
            assertThat(c.answer(300)).isNull();
        }
        assertThat(jdbc.sql("select outcome || ' ' || coalesce(reason, '-') from raw_frame where mn = 'MNNEW000001' order by id").query(String.class).list())
                .containsExactly("accepted -", "rejected WRONG_PASSWORD", "accepted -");
        assertThat(jdbc.sql("select reason from raw_frame where mn = 'MN ''X'''").query(String.class).list()).containsExactly("UNKNOWN_DEVICE");
        assertThat(jdbc.sql("select count(*) from device").query(Integer.class).single()).isOne();

        // Approved for a monitoring point by the bureau (a district may not): active, same password.
        long point = fixture.enterpriseWithDevice("甲区", "MNOTHER0001", "pw").pointId();
        fixture.user("arBureau", org.envhub.platform.auth.Role.BUREAU, null);
        fixture.user("arDistrict", org.envhub.platform.auth.Role.DISTRICT, fixture.district("甲区"));
        String pending = mvc.perform(get("/api/sources/devices").param("status", "pending").with(httpBasic("arBureau", SourcesFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(pending, "$[*].mn")).containsExactly("MNNEW000001");
        mvc.perform(post("/api/sources/devices/MNNEW000001/approve").with(httpBasic("arDistrict", SourcesFixture.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"pointId\": " + point + "}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/sources/devices/MNNEW000001/approve").with(httpBasic("arBureau", SourcesFixture.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"pointId\": 999999}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/sources/devices/MNNEW000001/approve").with(httpBasic("arBureau", SourcesFixture.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"pointId\": " + point + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("active")).andExpect(jsonPath("$.approvedBy").value("arBureau"));
        assertThat(sources.find("MNNEW000001").orElseThrow().status().id()).isEqualTo("active");
        assertThat(sources.find("MNNEW000001").orElseThrow().pointId()).isEqualTo(point);
        // Audited once: the refused attempts left nothing.
        assertThat(jdbc.sql("select username, detail from audit_log where action = 'sources.device.approve' and target = 'device MNNEW000001'")
                .query().listOfRows()).singleElement().satisfies(r -> {
                    assertThat(r.get("username")).isEqualTo("arBureau");
                    assertThat(r.get("detail")).isEqualTo("point " + point);
                });
    }
}
