package org.envhub.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.envhub.platform.support.TestDatabases;
import org.envhub.platform.support.TwoDistricts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import com.jayway.jsonpath.JsonPath;

/** Who may see and change what; run on H2 and on PostgreSQL by the subclasses. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class SecurityTests {

    @Autowired MockMvc mvc;
    @Autowired TwoDistricts data;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void data() {
        data.ensure();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
        return httpBasic(user, user.equals("admin") ? TestDatabases.ADMIN_PASSWORD : TwoDistricts.PASSWORD);
    }

    private static final String STATION_BODY = """
            {"name":"甲一站(改)","city":"测试市","district":"甲区","longitude":116.1,"latitude":39.9,"control":false}""";

    @Test
    void theApiAnswers401InJsonWithoutLogin() throws Exception {
        mvc.perform(get("/api/air/stations/latest"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/air/stations/TA1/hourly")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/registry/stations")).andExpect(status().isUnauthorized());
    }

    @Test
    void pagesRedirectToTheLoginFormButHealthAndLoginAreOpen() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("登录")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void wrongPasswordIs401AndRightOneWorks() throws Exception {
        mvc.perform(get("/api/account/me").with(httpBasic("bureau1", "wrong-password"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/account/me").with(as("bureau1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("bureau"));
    }

    @Test
    void aDistrictUserSeesOnlyItsOwnDistrict() throws Exception {
        MvcResult a = mvc.perform(get("/api/air/stations/latest").with(as("districtA"))).andExpect(status().isOk()).andReturn();
        List<String> codesA = JsonPath.read(a.getResponse().getContentAsString(), "$[*].code");
        assertThat(codesA).containsExactlyInAnyOrder("TA1", "TA2");

        MvcResult b = mvc.perform(get("/api/air/stations/latest").with(as("districtB"))).andExpect(status().isOk()).andReturn();
        List<String> codesB = JsonPath.read(b.getResponse().getContentAsString(), "$[*].code");
        assertThat(codesB).containsExactly("TB1");

        // The bureau sees both districts.
        MvcResult all = mvc.perform(get("/api/air/stations/latest").with(as("bureau1"))).andExpect(status().isOk()).andReturn();
        List<String> codesAll = JsonPath.read(all.getResponse().getContentAsString(), "$[*].code");
        assertThat(codesAll).contains("TA1", "TA2", "TB1");

        mvc.perform(get("/api/air/stations/TB1/hourly").with(as("districtA"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/air/stations/TA1/hourly").with(as("districtA"))).andExpect(status().isOk());
        mvc.perform(get("/api/air/stations/TB1/hourly").with(as("districtB"))).andExpect(status().isOk());
        mvc.perform(get("/api/registry/stations/TB1").with(as("districtA"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/air/stations/latest").param("format", "csv").with(as("districtA")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("TB1"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("TA2")));
    }

    @Test
    void aDistrictUserCannotChangeAnotherDistrictsStation() throws Exception {
        mvc.perform(put("/api/registry/stations/TB1").with(as("districtA")).contentType(MediaType.APPLICATION_JSON)
                        .content(STATION_BODY.replace("甲区", "乙区")))
                .andExpect(status().isForbidden());
        // ... nor move its own station into the other district.
        mvc.perform(put("/api/registry/stations/TA2").with(as("districtA")).contentType(MediaType.APPLICATION_JSON)
                        .content(STATION_BODY.replace("甲区", "乙区").replace("甲一站(改)", "甲二站")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select d.name from station s join area d on d.id = s.district_id where s.code = 'TA2'")
                .query(String.class).single()).isEqualTo("甲区");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "bureau1").param("password", TwoDistricts.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "bureau1").param("password", TwoDistricts.PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
    }

    @Test
    void aBrowserSessionNeedsCsrfForChangesToo() throws Exception {
        MvcResult login = mvc.perform(post("/login").param("username", "bureau1").param("password", TwoDistricts.PASSWORD).with(csrf()))
                .andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession();
        mvc.perform(put("/api/registry/stations/TA1").session(session).contentType(MediaType.APPLICATION_JSON).content(STATION_BODY))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/registry/stations/TA1").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(STATION_BODY.replace("甲一站(改)", "甲一站")))
                .andExpect(status().isOk());
    }

    @Test
    void aViewerCannotChangeAnything() throws Exception {
        mvc.perform(get("/api/air/stations/latest").with(as("viewer1"))).andExpect(status().isOk());
        mvc.perform(put("/api/registry/stations/TA1").with(as("viewer1")).contentType(MediaType.APPLICATION_JSON).content(STATION_BODY))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
        mvc.perform(put("/api/registry/stations/NEW9").with(as("viewer1")).contentType(MediaType.APPLICATION_JSON).content(STATION_BODY))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/users").with(as("viewer1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sneaky\",\"password\":\"12345678\",\"role\":\"admin\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/registry/stations/TA1").with(as("viewer1"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from station where code = 'TA1'").query(String.class).single()).isEqualTo("甲一站");
        assertThat(jdbc.sql("select count(*) from station where code = 'NEW9'").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from app_user where username = 'sneaky'").query(Integer.class).single()).isZero();
        // The same requests by the bureau do go through, so the 403s above are the role's doing.
        mvc.perform(put("/api/registry/stations/TA1").with(as("bureau1")).contentType(MediaType.APPLICATION_JSON)
                        .content(STATION_BODY.replace("甲一站(改)", "甲一站")))
                .andExpect(status().isOk());
    }

    @Test
    void onlyTheAdminManagesUsers() throws Exception {
        mvc.perform(get("/api/admin/users").with(as("bureau1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/users").with(as("admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'admin')].role").value("admin"))
                .andExpect(jsonPath("$[0].passwordHash").doesNotExist());
    }

    @Test
    void passwordsAreStoredAsBcrypt() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'viewer1'").query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(TwoDistricts.PASSWORD);
        assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().matches(TwoDistricts.PASSWORD, hash)).isTrue();
    }

    @Test
    void apiTokensWorkUntilRevokedAndAreStoredHashed() throws Exception {
        MvcResult created = mvc.perform(post("/api/account/tokens").with(as("districtB")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"夜间脚本\"}"))
                .andExpect(status().isCreated()).andReturn();
        String token = JsonPath.read(created.getResponse().getContentAsString(), "$.token");
        Number id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(token).startsWith("envhub_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(ApiTokenService.hash(token)).query(Integer.class).single()).isOne();

        MvcResult latest = mvc.perform(get("/api/air/stations/latest").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn();
        List<String> codes = JsonPath.read(latest.getResponse().getContentAsString(), "$[*].code");
        assertThat(codes).containsExactly("TB1"); // the token carries its user's district limit

        mvc.perform(get("/api/air/stations/latest").header("Authorization", "Bearer " + token + "x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/account/tokens/" + id).with(as("districtB"))).andExpect(status().isOk());
        mvc.perform(get("/api/air/stations/latest").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized()).andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void changesAreAudited() throws Exception {
        int before = jdbc.sql("select count(*) from audit_log where action = 'station.update' and username = 'bureau1'").query(Integer.class).single();
        mvc.perform(put("/api/registry/stations/TA2").with(as("bureau1")).contentType(MediaType.APPLICATION_JSON)
                        .content(STATION_BODY.replace("甲一站(改)", "甲二站")))
                .andExpect(status().isOk());
        int after = jdbc.sql("select count(*) from audit_log where action = 'station.update' and username = 'bureau1'").query(Integer.class).single();
        assertThat(after).isEqualTo(before + 1);
        assertThat(jdbc.sql("select target from audit_log where action = 'station.update' order by id desc").query(String.class).list().getFirst())
                .isEqualTo("station TA2");
    }
}
