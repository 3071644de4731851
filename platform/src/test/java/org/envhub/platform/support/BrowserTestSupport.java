package org.envhub.platform.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: Debian's headless Chromium driven by its chromedriver (skipped where they are not
 * installed), one browser per test class at 1920×1080 in zh-CN, and helpers for URLs, waits, table rows and the
 * screenshots saved under target/screenshots.
 */
public abstract class BrowserTestSupport {

    protected static final Path SHOTS = Path.of("target/screenshots");
    protected static ChromeDriver driver;

    @LocalServerPort protected int port;

    @BeforeAll
    static void browser() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium"), chromedriver = Path.of("/usr/bin/chromedriver");
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver), "Debian chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("envhub-chromium"), "--window-size=1920,1080", "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected WebDriverWait waiting() {
        // Pages re-render their tables after each fetch: an element found a moment ago may be replaced while the
        // condition reads it, so the condition is simply asked again.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Fetches a CSV download in the logged-in page: "status|content-type|content-disposition|lines (CR LF)". */
    protected String fetchCsv(String href) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => done(r.status + '|' + r.headers.get('content-type') + '|'
                    + r.headers.get('content-disposition') + '|' + (await r.text()).split('\\r\\n').length));""", href);
    }

    /** Fetches a binary download in the logged-in page: "status|content-type|its first two bytes" (PK for Excel). */
    protected String fetchFirstBytes(String href) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => { const b = new Uint8Array(await r.arrayBuffer());
                    done(r.status + '|' + r.headers.get('content-type') + '|' + String.fromCharCode(b[0], b[1])); });""", href);
    }

    protected void shot(String name) throws Exception {
        Thread.sleep(900); // let ECharts finish its entry animation
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    protected int rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).size();
    }
}
