package org.envhub.platform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.envhub.platform.ServeCommand;
import org.envhub.platform.air.AirStatistics;
import org.envhub.platform.auth.ApiTokenService;
import org.envhub.platform.auth.EnvhubUser;
import org.envhub.platform.auth.UserRepository;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code envhub bench serve}: the platform's figures on this machine. Start-up on a fresh data directory (with
 * the demo data load) and on the same directory again; {@code GET /api/air/stations/latest} under concurrent
 * clients; a city ranking over a full year of generated daily results. Client and server share the machine.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start-up time, latest-endpoint latency under load, year ranking time.")
public class ServeBenchCommand implements Callable<Integer> {

    private static final String PASSWORD = "bench-admin-password";

    @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "10000", description = "Timed requests in all (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--year", defaultValue = "2024", description = "Year of the generated daily results for the ranking (default: ${DEFAULT-VALUE}).")
    int year;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("envhub-bench");
        System.out.printf("envhub bench serve: %d cores, Java %s, max heap %d MB, data dir %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, dir);
        // The sources demo replays its traffic in the background after ready: off, so it does not load the latency figures.
        String[] props = {"--envhub.admin-password=" + PASSWORD, "--envhub.demo-data=true", "--envhub.demo-sources=false", "--logging.level.root=warn"};

        long t0 = System.nanoTime();
        double latestP99;
        try (ConfigurableApplicationContext app = ServeCommand.start(dir, 0, 0, props)) {
            double first = (System.nanoTime() - t0) / 1e9;
            System.out.printf("first start (schema, admin, demo data load): %.1f s%n", first);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            EnvhubUser admin = new EnvhubUser(app.getBean(UserRepository.class).findByUsername("admin").orElseThrow());
            String token = app.getBean(ApiTokenService.class).create(admin, "bench").token();
            latestP99 = latest(port, token);
            ranking(app);
        }
        long t1 = System.nanoTime();
        try (ConfigurableApplicationContext app = ServeCommand.start(dir, 0, 0, props)) {
            System.out.printf("second start (same data dir, nothing to load): %.1f s%n", (System.nanoTime() - t1) / 1e9);
        }
        return 0;
    }

    private double latest(int port, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/air/stations/latest"))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(); // as every browser sends
        int stations = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body())).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\"code\"").length - 1;
        run(http, request, requests, clients); // warm-up: as many requests again, so the JIT has compiled the path
        long[] ms = run(http, request, requests, clients);
        Arrays.sort(ms);
        double p50 = ms[ms.length / 2] / 1e6, p95 = ms[(int) (ms.length * 0.95)] / 1e6, p99 = ms[(int) (ms.length * 0.99)] / 1e6;
        System.out.printf("GET /api/air/stations/latest (%d stations, %d clients, %d requests, API token, client in this JVM): "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", stations, clients, requests, p50, p95, p99, ms[ms.length - 1] / 1e6);
        wrk(port, token);
        return p99;
    }

    /**
     * The same load from wrk, when it is installed (Debian package wrk): a client in its own process that costs far less
     * CPU than the JDK's, so the figures are the server's rather than the client's on a 2-core machine.
     */
    private void wrk(int port, String token) throws Exception {
        List<String> command = List.of("wrk", "-t1", "-c" + clients, "-d15s", "--latency", "-H", "Authorization: Bearer " + token,
                "-H", "Accept-Encoding: gzip", "http://127.0.0.1:" + port + "/api/air/stations/latest");
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            System.out.println("GET /api/air/stations/latest with wrk: not measured (wrk is not installed)");
            return;
        }
        String out = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        wrk.waitFor();
        java.util.function.Function<String, String> find = label -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(label + "\\s+([0-9.]+\\w+)").matcher(out);
            return m.find() ? m.group(1) : "?";
        };
        System.out.printf("GET /api/air/stations/latest with wrk (%d connections, 15 s, its own process): p50 %s, p90 %s, p99 %s, %s requests/s%n",
                clients, find.apply("50%"), find.apply("90%"), find.apply("99%"), find.apply("Requests/sec:"));
    }

    /** Nanoseconds of each request, sent by {@code clients} threads that each send the next as soon as one returns. */
    private static long[] run(HttpClient http, HttpRequest request, int n, int clients) throws Exception {
        long[] ns = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        ns[i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + n + " requests failed");
        }
        return ns;
    }

    /** A year of generated station daily results (plausible, random) for every station, then the city ranking of the year. */
    private void ranking(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        JdbcTemplate template = app.getBean(JdbcTemplate.class);
        List<String> codes = jdbc.sql("select code from station order by code").query(String.class).list();
        Random random = new Random(year);
        LocalDate first = LocalDate.of(year, 1, 1), last = LocalDate.of(year, 12, 31);
        long g0 = System.nanoTime();
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (String code : codes) {
                double pm25 = 10 + random.nextDouble() * 80;
                rows.add(new Object[] {code, Date.valueOf(day), "hj633-2012", 3 + random.nextDouble() * 15, 10 + random.nextDouble() * 40,
                        0.3 + random.nextDouble(), pm25 * 1.6, pm25, 60 + random.nextDouble() * 120, 50 + random.nextDouble() * 110, null, null});
            }
            if (rows.size() > 20_000) {
                insert(template, rows);
            }
        }
        insert(template, rows);
        System.out.printf("generated %d station days of %d in %.1f s%n", codes.size() * (int) (last.toEpochDay() - first.toEpochDay() + 1), year,
                (System.nanoTime() - g0) / 1e9);
        AirStatistics stats = app.getBean(AirStatistics.class);
        app.getBean(org.envhub.platform.air.DailyResults.class).forget(first, last);
        long c0 = System.nanoTime();
        int cities = stats.ranking(stats.cityReport(first, last, true)).size();
        System.out.printf("city ranking of %d, first call (reads the year's %d station days from the database): %.2f s%n", year,
                codes.size() * (int) (last.toEpochDay() - first.toEpochDay() + 1), (System.nanoTime() - c0) / 1e9);
        double[] seconds = new double[3];
        for (int r = 0; r < seconds.length; r++) {
            long s = System.nanoTime();
            cities = stats.ranking(stats.cityReport(first, last, true)).size();
            seconds[r] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf("city ranking of %d (%d cities), later calls (the year in memory): median %.2f s, best %.2f s%n",
                year, cities, seconds[1], seconds[0]);
    }

    private static void insert(JdbcTemplate template, List<Object[]> rows) {
        template.batchUpdate("insert into air_daily_station (station_code, natural_day, rule_set, so2, no2, co, pm10, pm25, o3_max_1h, o3_max_8h, "
                + "aqi, primary_pollutant) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }
}
