package org.envhub.platform.water.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.auth.DataScope;
import org.envhub.platform.imports.ImportLog;
import org.envhub.platform.imports.ImportSummary;
import org.envhub.platform.water.WaterApiController;
import org.envhub.platform.water.WaterImportService;
import org.envhub.platform.water.WaterSectionService;
import org.envhub.platform.water.WaterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On first start, loads the <b>generated</b> (not real) water demo data shipped in the jar ({@link GeneratedWaterData},
 * data/water-generated): the sections registry, then the samples, through the same imports a user runs. It runs on
 * its own thread once the platform is ready, so it adds nothing to start-up; the water pages fill in when it is done
 * (about a second). A marker in {@code app_setting} makes later starts skip it; it is written last, and the imports
 * are idempotent, so a start interrupted half-way loads the rest next time.
 */
@Component
public class WaterDemoLoader {

    static final String MARKER = "water-demo.loaded";
    static final String SOURCE = "GENERATED surface-water demo data (not real measurements), data/water-generated";

    private static final Logger log = LoggerFactory.getLogger(WaterDemoLoader.class);

    private final WaterSettings settings;
    private final JdbcClient jdbc;
    private final ImportLog imports;
    private final WaterSectionService sections;
    private final WaterImportService samples;
    private volatile Thread running;

    public WaterDemoLoader(WaterSettings settings, JdbcClient jdbc, ImportLog imports, WaterSectionService sections, WaterImportService samples) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.imports = imports;
        this.sections = sections;
        this.samples = samples;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        if (!settings.demoData() || loaded()) {
            return;
        }
        Thread t = new Thread(this::loadQuietly, "water-demo-data");
        t.setDaemon(true);
        running = t;
        t.start();
    }

    /** Waits for a load started at ready (tests). */
    public void await() throws InterruptedException {
        Thread t = running;
        if (t != null) {
            t.join();
        }
    }

    /** A stop during the load lets it finish (it takes a second or two), so that it is never cut half-way. */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        Thread t = running;
        if (t != null) {
            t.join(30_000);
        }
    }

    public boolean loaded() {
        return jdbc.sql("select count(*) from app_setting where name = ?").param(MARKER).query(Integer.class).single() > 0;
    }

    private void loadQuietly() {
        try {
            load();
        } catch (IOException | RuntimeException e) {
            log.error("The water demo data could not be loaded; it will be tried again at the next start", e);
        }
    }

    /** Loads the data now, on the caller's thread. */
    public void load() throws IOException {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("envhub-water-demo");
        try {
            Path sectionFile = copy(GeneratedWaterData.SECTIONS_FILE, dir);
            Path sampleFile = copy(GeneratedWaterData.SAMPLES_FILE, dir);
            ImportSummary s = WaterApiController.importSections(sectionFile, "water-generated/" + GeneratedWaterData.SECTIONS_FILE, "system",
                    DataScope.everything(), imports, sections);
            long id = imports.start(WaterImportService.KIND, "water-generated/" + GeneratedWaterData.SAMPLES_FILE, "system", "running");
            ImportSummary v = samples.importFile(id, sampleFile, "water-generated/" + GeneratedWaterData.SAMPLES_FILE, "system");
            jdbc.sql("insert into app_setting (name, setting_value) values (?, ?)").params(MARKER, AirTime.nowUtc() + " " + SOURCE).update();
            log.info("Loaded the water demo data in {} ms (after ready): {}; {} ({})", (System.nanoTime() - t0) / 1_000_000, s.message(),
                    v.message(), SOURCE);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path copy(String name, Path dir) throws IOException {
        try (InputStream in = new ClassPathResource("demo/water-generated/" + name).getInputStream()) {
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
