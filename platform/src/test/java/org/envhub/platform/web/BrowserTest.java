package org.envhub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envhub.platform.support.BrowserTestSupport;
import org.envhub.standards.air.AqiLevel;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in headless Chromium (Debian's chromium and chromium-driver) on the real demo data: log in, see the
 * map with coloured stations, open a station, see the ranking, export a table. Saves a screenshot of each main
 * page under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "browser-test-admin";

    @org.springframework.beans.factory.annotation.Autowired org.envhub.platform.water.demo.WaterDemoLoader waterDemo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("envhub-browser");
        registry.add("envhub.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir + "/envhub");
        registry.add("envhub.demo-data", () -> "true");
        registry.add("envhub.admin-password", () -> PASSWORD);
    }

    @Test
    @Order(1)
    void logIn() throws Exception {
        driver.get(url("/air/stations"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        shot("01-login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("wrong-password");
        driver.findElement(By.id("login-submit")).click();
        // The refusal comes back as a new page: wait for it, or a busy machine finds the old page and the
        // next keystrokes land in its fields.
        assertThat(waiting().until(d -> d.findElement(By.className("alert"))).getText()).contains("用户名或密码不正确");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/air/stations"));
        assertThat(driver.findElement(By.cssSelector(".topbar .who")).getText()).contains("admin");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void theMapShowsTheStationsColouredByLevel() throws Exception {
        driver.get(url("/"));
        waiting().until(d -> ((JavascriptExecutor) d).executeScript("return window.__mapPoints || 0") instanceof Long n && n > 0);
        waiting().until(d -> rows("worst") > 0 && !d.findElement(By.id("city-aqi")).getText().equals("--"));
        List<Map<String, Object>> points = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('map'));
                return chart.getOption().series[0].data.map(p => ({aqi: p.value[2], colour: p.itemStyle.color}));""");
        // Every station with coordinates and an AQI at the latest hour is on the map, in the colour of its level.
        Long withAqi = (Long) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/air/stations/latest').then(r => r.json()).then(l => done(l.filter(s => s.lon != null && s.aqi != null).length));""");
        assertThat(points).hasSize(withAqi.intValue()).hasSizeGreaterThan(1000);
        for (Map<String, Object> p : points) {
            assertThat(p.get("colour")).isEqualTo(AqiLevel.of(((Number) p.get("aqi")).intValue()).hexColour());
        }
        Set<Object> colours = new java.util.HashSet<>(points.stream().map(p -> p.get("colour")).toList());
        assertThat(colours).as("the demo hour has stations at several levels").hasSizeGreaterThan(2);
        waiting().until(d -> !d.findElement(By.id("gr-month")).getText().equals("--"));
        // Water and sources on the same screen, each figure a link to its page (their demos load after ready).
        waterDemo.await();
        String waterRisks = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/water/summary').then(r => r.json()).then(s => done(String(s.risks)));""");
        assertThat(Integer.parseInt(waterRisks)).as("the water demo has sections at risk this month").isPositive();
        driver.navigate().refresh();
        waiting().until(d -> d.findElements(By.cssSelector("#water-tiles .tile")).size() == 5);
        assertThat(driver.findElement(By.cssSelector("#water-tiles .tile:last-child b")).getText()).isEqualTo(waterRisks);
        assertThat(driver.findElement(By.cssSelector("#water-tiles .tile:last-child")).getAttribute("href")).contains("/water");
        waiting().until(d -> d.findElements(By.cssSelector("#sources-tiles .tile")).size() == 5);
        shot("02-overview-1920x1080");
        driver.manage().window().setSize(new Dimension(1366, 768));
        Thread.sleep(500);
        shot("03-overview-laptop-1366x768");
        driver.manage().window().setSize(new Dimension(1920, 1080));
    }

    @Test
    @Order(3)
    void openAStation() throws Exception {
        driver.get(url("/"));
        waiting().until(d -> rows("worst") > 0);
        WebElement first = driver.findElement(By.cssSelector("#worst tbody tr a"));
        String name = first.getText();
        first.click();
        waiting().until(d -> d.getCurrentUrl().contains("/air/stations/"));
        waiting().until(d -> rows("hours") > 0);
        assertThat(driver.findElement(By.id("title")).getText()).contains(name);
        assertThat(rows("hours")).isGreaterThan(24);
        shot("04-station");

        driver.get(url("/air/stations"));
        waiting().until(d -> rows("stations") > 1000);
        shot("05-station-table");
    }

    @Test
    @Order(4)
    void theRankingListsTheCitiesByCompositeIndex() throws Exception {
        driver.get(url("/air/ranking"));
        waiting().until(d -> rows("ranking") > 100);
        List<WebElement> firstRow = driver.findElements(By.cssSelector("#ranking tbody tr:first-child td"));
        assertThat(firstRow.get(0).getText()).isEqualTo("1");
        double best = Double.parseDouble(firstRow.get(2).getText());
        double second = Double.parseDouble(driver.findElements(By.cssSelector("#ranking tbody tr:nth-child(2) td")).get(2).getText());
        assertThat(best).isLessThanOrEqualTo(second);
        shot("06-ranking");
    }

    @Test
    @Order(5)
    void exportATable() throws Exception {
        driver.get(url("/air/ranking"));
        waiting().until(d -> rows("ranking") > 100);
        String csv = driver.findElement(By.id("export-csv")).getAttribute("href");
        String xlsx = driver.findElement(By.id("export-xlsx")).getAttribute("href");
        String answer = fetchCsv(csv);
        String[] parts = answer.split("\\|");
        assertThat(parts[0]).isEqualTo("200");
        assertThat(parts[1]).startsWith("text/csv");
        assertThat(parts[2]).contains("attachment");
        assertThat(Integer.parseInt(parts[3])).as("header, one line per city and the final newline").isEqualTo(rows("ranking") + 2);
        String excel = fetchFirstBytes(xlsx);
        assertThat(excel).startsWith("200|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|PK");
    }

    @Test
    @Order(6)
    void theOtherMainPages() throws Exception {
        driver.get(url("/air/calendar"));
        waiting().until(d -> rows("days") > 0);
        shot("07-calendar");
        driver.get(url("/air/report"));
        waiting().until(d -> rows("stats") > 0);
        shot("08-report");
        driver.get(url("/data/imports"));
        waiting().until(d -> rows("imports") > 0);
        shot("09-imports");
        driver.get(url("/data/stations"));
        waiting().until(d -> rows("registry") > 1000);
        shot("10-registry");
        // A registry file with a bad row: the import names the line and what is wrong with it.
        Path bad = Files.createTempFile("registry", ".csv");
        Files.writeString(bad, "监测点编码,监测点名称,城市,经度,纬度\n9999A,坏站,北京,东经116,39.9\n");
        driver.findElement(By.id("registry-file")).sendKeys(bad.toAbsolutePath().toString());
        driver.findElement(By.id("import")).click();
        assertThat(waiting().until(d -> d.findElement(By.cssSelector("#import-result .problems li"))).getText())
                .contains("line 2").contains("东经116");
        driver.get(url("/data/areas"));
        waiting().until(d -> rows("areas") > 300);
        // The national list's cities carry no province: each city is a top row with its stations counted.
        assertThat(driver.findElements(By.cssSelector("#areas tbody tr")).stream().map(WebElement::getText))
                .anyMatch(t -> t.startsWith("北京") && t.contains("市"));
        shot("10b-areas");
        driver.get(url("/system/tokens"));
        driver.findElement(By.id("name")).sendKeys("浏览器测试");
        driver.findElement(By.cssSelector("#create button")).click();
        waiting().until(d -> d.findElement(By.id("new-token")).getText().contains("envhub_"));
        shot("11-tokens");
        driver.get(url("/system/users"));
        waiting().until(d -> rows("users") > 0);
        shot("12-users");
    }
}
