package org.envhub.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.auth.DataScope;
import org.envhub.platform.config.EnvhubProperties;
import org.envhub.standards.io.CnemcHourlyData;
import org.envhub.standards.io.CnemcHourlyReader;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.io.StationListReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On first start, loads the real demo data shipped in the jar: the national station list (2,026 stations) and
 * four days of national hourly data (20–23 January 2023), both from the China National Environmental Monitoring
 * Centre (CNEMC, 中国环境监测总站); see data/README.md. A marker in {@code app_setting} makes later starts skip it.
 * <p>
 * The load starts on its own thread as soon as the schema is migrated, so that it overlaps the rest of start-up
 * (web layer, security, gateway) on the second core; start-up then waits for it as an application runner, so
 * the platform reports itself ready only with the demo data in place.
 */
@Component
@Order(10)
@DependsOnDatabaseInitialization
public class DemoDataLoader implements InitializingBean, ApplicationRunner {

    static final String MARKER = "demo-data.loaded";
    static final String SOURCE = "CNEMC (中国环境监测总站) national station list and hourly data, 20-23 January 2023";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final EnvhubProperties properties;
    private final JdbcClient jdbc;
    private final ImportLog imports;
    private final StationListImporter stations;
    private final HourlyImporter hourly;

    public DemoDataLoader(EnvhubProperties properties, JdbcClient jdbc, ImportLog imports, StationListImporter stations, HourlyImporter hourly) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.imports = imports;
        this.stations = stations;
        this.hourly = hourly;
    }

    private CompletableFuture<Void> load = CompletableFuture.completedFuture(null);

    @Override
    public void afterPropertiesSet() {
        if (!properties.demoData() || loaded()) {
            return;
        }
        load = CompletableFuture.runAsync(() -> {
            try {
                load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> Thread.ofPlatform().name("demo-data").daemon().start(task));
    }

    /** Waits for the load started with the context: start-up fails if the demo data could not be loaded. */
    @Override
    public void run(ApplicationArguments args) {
        load.join();
    }

    private void load() throws IOException {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("envhub-demo");
        try {
            Path stationFile = copy(new PathMatchingResourcePatternResolver().getResource("classpath:demo/cnemc-stations.csv.gz"), dir);
            ReadReport stationReport = new ReadReport();
            long listId = imports.start("demo", "cnemc-stations.csv.gz", "system", "running");
            var list = StationListReader.read(stationFile, stationReport);
            ImportSummary s = stations.importStations(listId, "cnemc-stations.csv.gz",
                    list.stream().map(StationListImporter::fromNationalList).toList(), (int) stationReport.rows(),
                    CnemcImportService.problems(stationReport, stationFile, "cnemc-stations.csv.gz"), DataScope.everything());

            Resource[] days = new PathMatchingResourcePatternResolver().getResources("classpath:demo/cnemc-hourly/*.csv.gz");
            Arrays.sort(days, Comparator.comparing(Resource::getFilename));
            List<Path> files = new ArrayList<>();
            for (Resource day : days) {
                files.add(copy(day, dir));
            }
            String names = files.stream().map(f -> f.getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse("");
            long hourlyId = imports.start("demo", names, "system", "running");
            CnemcHourlyData data = new CnemcHourlyReader().read(files);
            ImportSummary h = hourly.importGrid(hourlyId, names, data.grid(), (int) data.report().rows(),
                    CnemcImportService.problems(data.report(), dir.resolve("x"), "demo"), "system");
            jdbc.sql("insert into app_setting (name, setting_value) values (?, ?)")
                    .params(MARKER, AirTime.nowUtc() + " " + SOURCE).update();
            log.info("Loaded the demo data in {} s: {} stations, {} hourly values from {} files ({})",
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9), s.valuesAdded() + s.valuesReplaced(), h.valuesAdded(),
                    files.size(), SOURCE);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    boolean loaded() {
        return jdbc.sql("select count(*) from app_setting where name = ?").param(MARKER).query(Integer.class).single() > 0;
    }

    private static Path copy(Resource resource, Path dir) {
        try (InputStream in = resource.getInputStream()) {
            Path target = dir.resolve(resource.getFilename());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("demo data " + resource.getFilename() + " missing from the jar", e);
        }
    }
}
