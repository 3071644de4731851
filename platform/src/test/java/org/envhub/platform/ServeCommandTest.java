package org.envhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code envhub serve} on an H2 file database: first start creates the admin once; a second start adds nothing. */
@ExtendWith(OutputCaptureExtension.class)
class ServeCommandTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** Values in the shipped demo files for stations of the shipped list, counted here with the standards readers. */
    private static long demoValues() throws Exception {
        java.util.Set<String> codes = new java.util.HashSet<>();
        org.envhub.standards.io.StationListReader.read(Path.of("../data/cnemc-stations.csv.gz"), new org.envhub.standards.io.ReadReport())
                .forEach(s -> codes.add(s.code()));
        java.util.List<Path> files;
        try (var list = Files.list(Path.of("../data/cnemc-hourly"))) {
            files = list.sorted().toList();
        }
        var grid = new org.envhub.standards.io.CnemcHourlyReader().read(files).grid();
        long n = 0;
        for (int s = 0; s < grid.seriesCount(); s++) {
            if (!codes.contains(grid.series().get(s))) {
                continue;
            }
            for (org.envhub.standards.air.Pollutant p : org.envhub.standards.air.Pollutant.values()) {
                for (double v : grid.values(p, s)) {
                    n += Double.isNaN(v) ? 0 : 1;
                }
            }
        }
        return n;
    }

    @Test
    void firstStartLoadsTheDemoDataAndCreatesTheAdminOnceAndASecondStartAddsNothing(@TempDir Path dir, CapturedOutput output) throws Exception {
        String password;
        long values;
        int imports;
        long waterValues;
        try (ConfigurableApplicationContext app = ServeCommand.start(dir, 0, 0, "--envhub.admin-password=", "--envhub.demo-data=true")) {
            // The generated water demo loads in the background once the platform is ready.
            app.getBean(org.envhub.platform.water.demo.WaterDemoLoader.class).await();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            waterValues = jdbc.sql("select count(*) from water_sample").query(Long.class).single();
            assertThat(waterValues).isPositive();
            try (var list = Files.list(Path.of("../data/cnemc-hourly"))) {
                assertThat(list.count()).isEqualTo(4);
            }
            values = app.getBean(org.envhub.platform.air.HourlyValueStore.class).count();
            assertThat(values).isEqualTo(demoValues());
            int stations = org.envhub.standards.io.StationListReader.read(Path.of("../data/cnemc-stations.csv.gz"),
                    new org.envhub.standards.io.ReadReport()).size();
            assertThat(jdbc.sql("select count(*) from station").query(Integer.class).single()).isEqualTo(stations);
            assertThat(jdbc.sql("select count(*) from air_latest").query(Integer.class).single()).isPositive();
            imports = jdbc.sql("select count(*) from data_import").query(Integer.class).single();
            assertThat(Files.list(dir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("envhub") && n.endsWith(".db"));
            Matcher m = Pattern.compile("generated password: (\\S+)").matcher(output.getAll());
            assertThat(m.find()).as("the generated password is printed").isTrue();
            password = m.group(1);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/actuator/health", null).body()).contains("\"UP\"");
            assertThat(get(port, "/api/account/me", "admin:" + password).statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/account/me", "admin:wrong").statusCode()).isEqualTo(401);
        }
        int printedBefore = count(output.getAll(), "generated password");
        try (ConfigurableApplicationContext app = ServeCommand.start(dir, 0, 0, "--envhub.admin-password=", "--envhub.demo-data=true")) {
            assertThat(count(output.getAll(), "generated password")).isEqualTo(printedBefore);
            app.getBean(org.envhub.platform.water.demo.WaterDemoLoader.class).await();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from water_sample").query(Long.class).single()).isEqualTo(waterValues);
            assertThat(app.getBean(org.envhub.platform.air.HourlyValueStore.class).count()).isEqualTo(values);
            assertThat(jdbc.sql("select count(*) from data_import").query(Integer.class).single()).isEqualTo(imports);
            assertThat(jdbc.sql("select count(*) from app_user where username = 'admin'").query(Integer.class).single()).isOne();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/api/account/me", "admin:" + password).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(int port, String path, String basic) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (basic != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
