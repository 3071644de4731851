package org.envhub.platform.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envhub.platform.support.BrowserTestSupport;
import org.envhub.platform.auth.Role;
import org.envhub.platform.auth.UserRepository;
import org.envhub.platform.registry.Area;
import org.envhub.platform.registry.AreaRepository;
import org.envhub.platform.water.demo.WaterDemoLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The 水环境 page in headless Chromium on the generated demo data, loaded as on a first start (in the background once
 * the platform is ready): the map with the sections coloured by class, the table, the risk list, a trend chart and an
 * export; a district user's page holds its own district only. Screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaterBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "water-browser-admin";

    @Autowired WaterDemoLoader demo;
    @Autowired UserRepository users;
    @Autowired AreaRepository areas;
    @Autowired PasswordEncoder encoder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("envhub-water-browser");
        registry.add("envhub.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir + "/envhub");
        registry.add("envhub.demo-data", () -> "false");
        registry.add("envhub.water.demo-data", () -> "true");
        registry.add("envhub.admin-password", () -> PASSWORD);
        registry.add("envhub.hj212-port", () -> "0");
    }

    @BeforeEach
    void demoLoaded() throws Exception {
        demo.await();
        assertThat(demo.loaded()).isTrue();
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** GETs an API URL with the browser's session and gives the parsed JSON. */
    private Object api(String path) {
        return ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.json()).then(done);""", path);
    }

    private void logIn(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void openWaterPage() {
        driver.get(url("/water"));
        waiting().until(d -> script("return window.__waterMapPoints || 0") instanceof Long n && n > 0);
        waiting().until(d -> rows("sections") > 0 && script("return window.__waterTrendSeries || 0") instanceof Long n && n > 0);
        waiting().until(d -> script("return window.__waterRisks") != null);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void theWaterPageShowsTheSectionsByClassTheRisksATrendAndExports() throws Exception {
        logIn("admin", PASSWORD);
        openWaterPage();
        List<Map<String, Object>> sections = (List<Map<String, Object>>) api("/api/water/evaluation");
        List<Map<String, Object>> points = (List<Map<String, Object>>) script("""
                const chart = echarts.getInstanceByDom(document.getElementById('map'));
                return chart.getOption().series[0].data.map(p => ({code: p.code, colour: p.itemStyle.color}));""");
        // Every section with coordinates is on the map, in its class's colour as the API gives it.
        assertThat(points).hasSize((int) sections.stream().filter(s -> s.get("longitude") != null).count()).hasSize(31);
        for (Map<String, Object> p : points) {
            Map<String, Object> s = sections.stream().filter(x -> x.get("code").equals(p.get("code"))).findFirst().orElseThrow();
            assertThat(p.get("colour")).as((String) p.get("code")).isEqualTo(s.get("colour"));
        }
        Set<Object> colours = new HashSet<>(points.stream().map(p -> p.get("colour")).toList());
        assertThat(colours).as("the demo month has sections of several classes").hasSizeGreaterThan(3);
        assertThat(rows("sections")).isEqualTo(sections.size());
        String good = driver.findElement(By.id("good-ratio")).getText();
        Map<String, Object> summary = (Map<String, Object>) api("/api/water/summary");
        assertThat(good).isEqualTo(String.format("%.1f%%", ((Number) summary.get("goodRatio")).doubleValue()));

        // The risk list: as many as the API names, the first one over its target, each with its reason.
        List<Map<String, Object>> risks = (List<Map<String, Object>>) api("/api/water/risks");
        assertThat(risks).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#risks .risk"))).hasSize(risks.size());
        assertThat(driver.findElement(By.cssSelector("#risks .risk .risk-why")).getText())
                .isEqualTo(((Map<String, Object>) risks.getFirst().get("driver")).get("message"));
        assertThat(driver.findElement(By.cssSelector("#risks .risk .status")).getText()).isEqualTo("超标");
        shot("water-01-page-1920x1080");

        // Clicking the rising section's risk draws its ammonia-nitrogen samples over the class bands.
        driver.findElement(By.cssSelector("#risks .risk[data-code='JN-XQ04']")).click();
        waiting().until(d -> "JN-XQ04".equals(script("return document.getElementById('trend-section').value"))
                && String.valueOf(script("return document.getElementById('trend-note').textContent")).contains("JN-XQ04"));
        Map<String, Object> trend = (Map<String, Object>) script("""
                const o = echarts.getInstanceByDom(document.getElementById('trend')).getOption();
                return {points: o.series[0].data.length, bands: o.series[0].markArea.data.length, target: o.series[0].markLine.data[0].yAxis};""");
        assertThat(((Number) trend.get("points")).intValue()).isGreaterThan(12);
        assertThat(((Number) trend.get("bands")).intValue()).isGreaterThanOrEqualTo(5);
        assertThat(((Number) trend.get("target")).doubleValue()).isEqualTo(1.5);
        script("document.getElementById('trend').scrollIntoView({block: 'center'})");
        shot("water-02-trend");

        // Exports: the section table as CSV (one line per row) and the ranking as Excel.
        String csv = driver.findElement(By.id("export-csv")).getAttribute("href");
        String answer = fetchCsv(csv);
        String[] parts = answer.split("\\|");
        assertThat(parts[0]).isEqualTo("200");
        assertThat(parts[1]).startsWith("text/csv");
        assertThat(parts[2]).contains("attachment");
        assertThat(Integer.parseInt(parts[3])).as("header, one line per section and the final newline").isEqualTo(rows("sections") + 2);
        String xlsx = driver.findElement(By.id("rank-xlsx")).getAttribute("href");
        String excel = fetchFirstBytes(xlsx);
        assertThat(excel).startsWith("200|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|PK");

        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.navigate().refresh();
        openWaterPage();
        shot("water-03-page-laptop-1366x768");
        driver.manage().window().setSize(new Dimension(1920, 1080));
    }

    @Test
    @Order(2)
    void aDistrictUserSeesItsOwnDistrictOnly() throws Exception {
        Area jinan = areas.city("济南").orElseThrow();
        long zhangqiu = areas.find(Area.DISTRICT, "章丘区", jinan.id()).orElseThrow().id();
        if (users.findByUsername("zhangqiu").isEmpty()) {
            users.create("zhangqiu", "章丘分局", encoder.encode("district-pass-1"), Role.DISTRICT, zhangqiu);
        }
        logIn("zhangqiu", "district-pass-1");
        openWaterPage();
        List<String> districts = driver.findElements(By.cssSelector("#sections tbody tr td:nth-child(5)")).stream().map(e -> e.getText()).toList();
        assertThat(districts).isNotEmpty().containsOnly("章丘区");
        assertThat(script("return window.__waterMapPoints")).isEqualTo((long) districts.size());
        List<String> ranked = driver.findElements(By.cssSelector("#ranking tbody tr td:nth-child(2)")).stream().map(e -> e.getText()).toList();
        assertThat(ranked).hasSize(1).allMatch(n -> n.startsWith("章丘区"));
        shot("water-04-district-user");
    }

    @Test
    @Order(3)
    void theRegistryAndImportPages() throws Exception {
        logIn("admin", PASSWORD);
        driver.get(url("/data/water-sections"));
        waiting().until(d -> rows("registry") == 31);
        shot("water-05-registry");
        driver.findElement(By.cssSelector("#registry a.edit")).click();
        waiting().until(d -> d.findElement(By.id("edit")).isDisplayed());
        shot("water-06-registry-edit");
        driver.get(url("/data/imports"));
        waiting().until(d -> rows("imports") >= 2);
        assertThat(driver.findElement(By.id("water-panel")).isDisplayed()).isTrue();
        shot("water-07-imports");
    }
}
