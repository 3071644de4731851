package org.envhub.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.envhub.platform.support.TwoDistricts;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Administrative areas edited through the API: the hierarchy is checked, changes audited, and only the bureau may. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AreaRegistryTests {

    @Autowired MockMvc mvc;
    @Autowired TwoDistricts data;
    @Autowired AreaRepository areas;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void data() {
        data.ensure();
    }

    private ResultActions send(String user, String method, String url, String body) throws Exception {
        var request = (method.equals("POST") ? post(url) : put(url)).with(httpBasic(user, TwoDistricts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(request);
    }

    @Test
    void theBureauBuildsAProvinceCityAndDistrictAndRenamesOne() throws Exception {
        long province = id(send("bureau1", "POST", "/api/registry/areas", "{\"level\":\"province\",\"name\":\"  试验省 \"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("试验省")));
        long city = id(send("bureau1", "POST", "/api/registry/areas",
                "{\"level\":\"city\",\"name\":\"试验市\",\"parentId\":" + province + "}").andExpect(status().isCreated()));
        long district = id(send("bureau1", "POST", "/api/registry/areas",
                "{\"level\":\"district\",\"name\":\"东区\",\"parentId\":" + city + "}").andExpect(status().isCreated()));

        send("bureau1", "PUT", "/api/registry/areas/" + district, "{\"name\":\"东城区\",\"parentId\":" + city + "}")
                .andExpect(status().isOk());
        assertThat(areas.find(district).orElseThrow()).isEqualTo(new Area(district, Area.DISTRICT, "东城区", city));
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('area.create', 'area.update') and username = 'bureau1'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theHierarchyIsChecked() throws Exception {
        long city = areas.city("测试市").orElseThrow().id();
        send("bureau1", "POST", "/api/registry/areas", "{\"level\":\"district\",\"name\":\"无主区\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Matchers.containsString("belongs to a city")));
        send("bureau1", "POST", "/api/registry/areas", "{\"level\":\"province\",\"name\":\"错省\",\"parentId\":" + city + "}")
                .andExpect(status().isBadRequest());
        send("bureau1", "POST", "/api/registry/areas", "{\"level\":\"district\",\"name\":\"甲区\",\"parentId\":" + city + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Matchers.containsString("already")));
        send("bureau1", "POST", "/api/registry/areas", "{\"level\":\"county\",\"name\":\"某县\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Matchers.containsString("level")));
        send("bureau1", "PUT", "/api/registry/areas/" + data.districtA, "{\"level\":\"city\",\"name\":\"甲区\",\"parentId\":" + city + "}")
                .andExpect(status().isBadRequest());
        send("bureau1", "PUT", "/api/registry/areas/987654", "{\"name\":\"无\",\"parentId\":" + city + "}").andExpect(status().isNotFound());
        assertThat(areas.find(data.districtA).orElseThrow().name()).isEqualTo("甲区");
    }

    @Test
    void onlyTheBureauMayChangeAreas() throws Exception {
        long city = areas.city("测试市").orElseThrow().id();
        String body = "{\"level\":\"district\",\"name\":\"丙区\",\"parentId\":" + city + "}";
        send("districtA", "POST", "/api/registry/areas", body).andExpect(status().isForbidden());
        send("viewer1", "POST", "/api/registry/areas", body).andExpect(status().isForbidden());
        send("districtA", "PUT", "/api/registry/areas/" + data.districtA, "{\"name\":\"我的区\",\"parentId\":" + city + "}")
                .andExpect(status().isForbidden());
        assertThat(areas.find(Area.DISTRICT, "丙区", city)).isEmpty();
        assertThat(areas.find(data.districtA).orElseThrow().name()).isEqualTo("甲区");
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }
}
