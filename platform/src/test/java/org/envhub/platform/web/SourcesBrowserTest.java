package org.envhub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.envhub.platform.support.BrowserTestSupport;
import org.envhub.platform.sources.demo.DemoSources;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The 污染源 pages in headless Chromium on the sources demo (the real 2005-era traffic replayed through the gateway):
 * the enterprise list, an enterprise's compliance card, the raw frame viewer, alarm verification (acknowledge,
 * verify as a false alarm, close), the network KPIs and the registry. Screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourcesBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "sources-browser-admin";

    @Autowired DemoSources demo;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("envhub-sources-browser");
        registry.add("envhub.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir + "/envhub");
        // The sources demo alone: the air demo is BrowserTest's.
        registry.add("envhub.demo-data", () -> "false");
        registry.add("envhub.demo-sources", () -> "true");
        registry.add("envhub.hj212.auto-register", () -> "true");
        registry.add("envhub.hj212-port", () -> "0");
        registry.add("envhub.admin-password", () -> PASSWORD);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    @Order(1)
    void logInOnceTheDemoIsLoaded() throws Exception {
        assertThat(demo.await(Duration.ofMinutes(5))).isTrue();
        driver.get(url("/sources"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/sources"));
    }

    @Test
    @Order(2)
    void theEnterpriseListShowsTheDemoEnterprisesWithDevicesOnlineAndAlarms() throws Exception {
        int enterprises = jdbc.sql("select count(*) from enterprise").query(Integer.class).single();
        driver.get(url("/sources"));
        waiting().until(d -> rows("enterprises") == enterprises && !d.findElement(By.id("s-enterprises")).getText().equals("--"));
        assertThat(driver.findElement(By.id("s-enterprises")).getText()).isEqualTo(Integer.toString(enterprises));
        assertThat(driver.findElement(By.cssSelector(".topbar nav a.active")).getText()).isEqualTo("污染源");
        shot("20-sources-enterprises");
        // The filter keeps the enterprises with open alarms: as many as the API counts.
        new Select(driver.findElement(By.id("status"))).selectByValue("alarm");
        long withAlarms = jdbc.sql("select count(distinct o.enterprise_id) from source_alarm s join device d on d.mn = s.mn"
                + " join monitoring_point p on p.id = d.point_id join outlet o on o.id = p.outlet_id where s.status <> 'closed'").query(Long.class).single();
        waiting().until(d -> rows("enterprises") == withAlarms);
        assertThat(withAlarms).isPositive().isLessThanOrEqualTo(enterprises);
        driver.manage().window().setSize(new Dimension(1366, 768));
        Thread.sleep(500);
        shot("21-sources-enterprises-laptop-1366x768");
        driver.manage().window().setSize(new Dimension(1920, 1080));
    }

    @Test
    @Order(3)
    void theComplianceCardShowsOutletsLatestValuesTheStripAndAlarms() throws Exception {
        long id = jdbc.sql("select o.enterprise_id from device d join monitoring_point p on p.id = d.point_id join outlet o on o.id = p.outlet_id"
                + " where d.mn = 'LD130182000295'").query(Long.class).single();
        driver.get(url("/sources/enterprises/" + id));
        waiting().until(d -> d.findElements(By.cssSelector("#strip i")).size() == 90 && rows("alarms") > 0
                && !d.findElements(By.cssSelector("#latest table.latest tbody tr")).isEmpty());
        assertThat(driver.findElement(By.id("tree")).getText()).contains("LD130182000295");
        // The demo data is of 24 August 2016: the strip ends there, and that day has data.
        assertThat(driver.findElement(By.id("strip-last")).getText()).isEqualTo("2016-08-24");
        assertThat(driver.findElement(By.cssSelector("#strip i:last-child")).getAttribute("data-status")).isIn("exceedance", "missing", "compliant");
        assertThat(driver.findElement(By.id("strip-note")).getText()).contains("2016-08-24");
        shot("22-sources-enterprise-card");
        driver.manage().window().setSize(new Dimension(1366, 768));
        Thread.sleep(500);
        shot("23-sources-enterprise-card-laptop-1366x768");
        driver.manage().window().setSize(new Dimension(1920, 1080));
    }

    @Test
    @Order(4)
    void theFrameViewerShowsAFrameVerbatimWithItsParsedFields() throws Exception {
        driver.get(url("/sources/frames?mn=LD130182000295"));
        waiting().until(d -> rows("frames") > 0 && d.findElement(By.id("detail-body")).isDisplayed() && rows("d-factors") > 0);
        String text = driver.findElement(By.id("d-text")).getText();
        assertThat(text).startsWith("##").contains("MN=LD130182000295");
        assertThat(driver.findElement(By.id("d-header")).getText()).contains("LD130182000295");
        // A rejected frame: its outcome and reason.
        new Select(driver.findElement(By.id("outcome"))).selectByValue("rejected");
        driver.findElement(By.id("mn")).clear();
        driver.findElement(By.id("search")).click();
        waiting().until(d -> d.findElement(By.id("d-meta")).getText().contains("拒收"));
        assertThat(driver.findElement(By.id("d-meta")).getText()).containsAnyOf("LENGTH_MISMATCH", "BAD_LENGTH_FIELD", "CHECK_MISMATCH");
        shot("24-sources-frames");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void anAlarmIsAcknowledgedVerifiedAndClosedByClicks() throws Exception {
        driver.get(url("/sources/alarms?status=open"));
        waiting().until(d -> rows("alarms") > 0);
        WebElement first = driver.findElement(By.cssSelector("#alarms tbody tr[data-id]"));
        String id = first.getAttribute("data-id");
        first.click();
        waiting().until(d -> d.findElement(By.id("ack")).isDisplayed());
        driver.findElement(By.id("ack")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#alarms tbody tr[data-id='" + id + "']")).isEmpty());
        // Listed as open only: it leaves the list; show every status to follow it.
        new Select(driver.findElement(By.id("status"))).selectByValue("");
        js("history.replaceState(null, '', '/sources/alarms?status=&alarm=' + arguments[0]);", id);
        driver.navigate().refresh();
        waiting().until(d -> d.findElement(By.id("d-steps")).getText().contains("admin"));
        waiting().until(d -> !d.findElements(By.id("verify")).isEmpty());
        driver.findElement(By.cssSelector("input[name=truth][value=false]")).click();
        driver.findElement(By.id("note")).sendKeys("仪器校准期间，非排污单位原因");
        driver.findElement(By.id("verify")).click();
        waiting().until(d -> d.findElement(By.id("d-steps")).getText().contains("不属实"));
        shot("25-sources-alarm-verified");
        Map<String, Object> row = jdbc.sql("select status, acknowledged_by, verified_by, verified_true, note from source_alarm where id = ?")
                .param(Long.parseLong(id)).query().singleRow();
        assertThat(row.get("status")).isEqualTo("verified");
        assertThat(row.get("acknowledged_by")).isEqualTo("admin");
        assertThat(row.get("verified_by")).isEqualTo("admin");
        assertThat(row.get("verified_true")).isEqualTo(false);
        assertThat(row.get("note")).isEqualTo("仪器校准期间，非排污单位原因");
        driver.findElement(By.id("close")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#alarms tr.selected")).getText().contains("已办结"));
        assertThat(jdbc.sql("select closed_by from source_alarm where id = ?").param(Long.parseLong(id)).query(String.class).single()).isEqualTo("admin");
        shot("26-sources-alarm-closed");
    }

    @Test
    @Order(6)
    void theKpisDefaultToTheLastDayWithData() throws Exception {
        driver.get(url("/sources/kpis"));
        waiting().until(d -> rows("enterprises") > 100 && rows("districts") > 5);
        assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("2016-08-24");
        assertThat(driver.findElement(By.id("note")).getText()).contains("2016-08-24");
        String rate = driver.findElement(By.id("c-online")).getText();
        assertThat(rate).endsWith("%").isNotEqualTo("0.0%");
        shot("27-sources-kpis");
    }

    @Test
    @Order(7)
    void theRegistryAddsAnEnterpriseThroughItsDialog() throws Exception {
        driver.get(url("/sources/registry"));
        waiting().until(d -> rows("list") > 100);
        int before = rows("list");
        driver.findElement(By.id("add-enterprise")).click();
        driver.findElement(By.id("df-name")).sendKeys("浏览器测试企业");
        driver.findElement(By.id("df-industry")).sendKeys("化工");
        driver.findElement(By.id("dialog-save")).click();
        waiting().until(d -> rows("list") == before + 1 && d.findElement(By.id("d-title")).getText().equals("浏览器测试企业"));
        driver.findElement(By.id("add-outlet")).click();
        driver.findElement(By.id("df-code")).sendKeys("DA001");
        driver.findElement(By.id("df-name")).sendKeys("1号锅炉排放口");
        driver.findElement(By.id("dialog-save")).click();
        waiting().until(d -> d.findElement(By.id("outlets")).getText().contains("1号锅炉排放口"));
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('sources.enterprise.create', 'sources.outlet.create') and username = 'admin'")
                .query(Integer.class).single()).isEqualTo(2);
        List<WebElement> pending = driver.findElements(By.cssSelector("#pending tbody tr"));
        assertThat(pending).as("loggers of the traffic that sent no data: pending approval").isNotEmpty();
        shot("28-sources-registry");
    }
}
