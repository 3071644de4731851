package org.envhub.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.envhub.platform.ServeCommand;
import org.envhub.platform.cli.OutputFormat;
import org.envhub.platform.cli.ResultTable;
import org.envhub.platform.sources.gateway.FrameWriter;
import org.envhub.platform.sources.gateway.Hj212Gateway;
import org.envhub.platform.sources.tools.Simulator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code envhub bench gateway}: the HJ 212 gateway end to end on this machine. Starts the platform in this
 * process on a fresh store (an H2 database in a new folder, or a new schema on the PostgreSQL server named by
 * ENVHUB_DB_URL), then drives simulated loggers against it: each sends real-time data wanting an answer and
 * waits for the answer (sent only once the data is committed) before its next packet. Prints, per run and
 * as medians: answered frames per second, the answer latency, and the CPU time per 1,000 frames of the
 * server, of the simulator and of the PostgreSQL backends, which a shared machine disturbs less than wall time.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"HJ 212 gateway throughput: the platform in this process on a fresh store (H2, or a new schema on the "
                + "PostgreSQL server of ENVHUB_DB_URL), simulated loggers each sending and waiting for the answer.",
                "Prints frames/s answered, answer latency p50/p95/p99, CPU seconds per 1,000 frames (server, simulator, "
                        + "PostgreSQL backends) and the load average, per run and as medians."})
public class GatewayBenchCommand implements Callable<Integer> {

    @Option(names = "--devices", defaultValue = "1000", description = "Simulated loggers, one connection each (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--duration", defaultValue = "20", description = "Seconds of each timed run (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--warm-up", defaultValue = "10", description = "Seconds of load before the timed runs (default: ${DEFAULT-VALUE}).")
    double warmUp;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs (default: ${DEFAULT-VALUE}); the medians are printed.")
    int runs;

    @Option(names = "--interval", defaultValue = "0", description = "Seconds between a logger's packets; 0: the next as soon as answered (default: ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A platform setting for the server, e.g. --set envhub.hj212.writers=2 (repeatable).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--keep", description = "Keep the data folder (or PostgreSQL schema) afterwards.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        String pgUrl = System.getenv("ENVHUB_DB_URL");
        boolean postgres = pgUrl != null && pgUrl.startsWith("jdbc:postgresql:");
        Path dir = Files.createTempDirectory("envhub-bench-gateway");
        String schema = "envhub_bench_" + Long.toString(System.currentTimeMillis(), 36);
        List<String> props = new ArrayList<>(List.of("--envhub.demo-data=false", "--envhub.hj212.auto-register=true",
                "--envhub.admin-password=bench-gateway-password", "--logging.level.root=warn"));
        if (postgres) {
            execute(pgUrl, "create schema " + schema);
            props.add("--spring.datasource.url=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&ApplicationName=" + schema);
            props.add("--spring.flyway.schemas=" + schema);
            props.add("--spring.flyway.default-schema=" + schema);
        }
        for (String s : settings) {
            props.add("--" + s);
        }
        System.out.printf("envhub bench gateway: %d cores, Java %s, max heap %d MB; %s; %d devices, %s runs of %.0f s after %.0f s of warm-up%s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                postgres ? "PostgreSQL " + pgUrl.replaceAll("\\?.*", "") + ", schema " + schema : "H2 in " + dir, devices, runs, duration, warmUp,
                settings.isEmpty() ? "" : "; settings " + settings);
        ResultTable table = new ResultTable("run", "frames_per_s", "p50_ms", "p95_ms", "p99_ms", "max_ms", "unanswered",
                "server_cpu_s_per_1000", "simulator_cpu_s_per_1000", "postgres_cpu_s_per_1000", "writer_batch", "writer_batch_ms",
                "load_before", "load_after");
        try (ConfigurableApplicationContext app = ServeCommand.start(dir, 0, 0, props.toArray(String[]::new))) {
            int port = app.getBean(Hj212Gateway.class).port();
            FrameWriter writer = app.getBean(FrameWriter.class);
            if (warmUp > 0) {
                Simulator.Result w = new Simulator(config(port, warmUp, "WARM")).run(null);
                System.out.printf("warm-up: %.0f frames/s answered%n", w.answersPerSecond());
            }
            List<double[]> all = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double load0 = loadAverage();
                long process0 = processCpuNanos();
                java.util.Map<Integer, Long> pg0 = postgres ? postgresCpuTicks(app.getBean(JdbcTemplate.class), schema) : java.util.Map.of();
                java.util.Map<String, Long> threads0 = threadTicks();
                long batches0 = writer.counters().batches();
                long arrivals0 = writer.counters().arrivals();
                long storeNanos0 = writer.counters().storeNanos();
                Simulator.Result r = new Simulator(config(port, duration, "R" + run + "X")).run(null);
                long process = processCpuNanos() - process0;
                java.util.Map<String, Long> threads1 = threadTicks();
                long pg = postgres ? ticksBetween(pg0, postgresCpuTicks(app.getBean(JdbcTemplate.class), schema)) : 0;
                long batches = writer.counters().batches() - batches0;
                double thousands = r.answered() / 1000.0;
                double server = (process / 1e9 - r.cpuSeconds()) / thousands;
                double[] v = {r.answersPerSecond(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(), r.unanswered(), server,
                        r.cpuSeconds() / thousands, postgres ? pg / ticksPerSecond() / thousands : Double.NaN,
                        batches == 0 ? 0 : (writer.counters().arrivals() - arrivals0) / (double) batches,
                        batches == 0 ? 0 : (writer.counters().storeNanos() - storeNanos0) / 1e6 / batches, load0, loadAverage()};
                all.add(v);
                table.add(row(Integer.toString(run), v));
                StringBuilder split = new StringBuilder();
                threads1.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                        .filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> split.append(String.format(" %s %.3f", e.getKey(), e.getValue() / ticksPerSecond() / thousands)));
                System.out.printf("run %d: %.0f frames/s; process CPU s per 1,000 frames by thread:%s%n", run, r.answersPerSecond(), split);
            }
            double[] median = new double[all.get(0).length];
            for (int c = 0; c < median.length; c++) {
                double[] column = new double[all.size()];
                for (int i = 0; i < column.length; i++) {
                    column[i] = all.get(i)[c];
                }
                Arrays.sort(column);
                median[c] = column[column.length / 2];
            }
            table.add(row("median", median));
        } finally {
            if (!keep) {
                if (postgres) {
                    execute(pgUrl, "drop schema " + schema + " cascade");
                }
                delete(dir);
            }
        }
        table.print(OutputFormat.TABLE, System.out);
        return 0;
    }

    private Simulator.Config config(int port, double seconds, String prefix) {
        return new Simulator.Config("127.0.0.1", port, devices, interval, 2017, false, seconds, prefix, "123456", 1, 30_000);
    }

    private static Object[] row(String name, double[] v) {
        return new Object[] {name, ResultTable.fixed(v[0], 0), ResultTable.fixed(v[1], 1), ResultTable.fixed(v[2], 1), ResultTable.fixed(v[3], 1),
                ResultTable.fixed(v[4], 1), (long) v[5], ResultTable.fixed(v[6], 3), ResultTable.fixed(v[7], 3), ResultTable.fixed(v[8], 3),
                ResultTable.fixed(v[9], 0), ResultTable.fixed(v[10], 1), ResultTable.fixed(v[11], 2), ResultTable.fixed(v[12], 2)};
    }

    /** CPU time of this whole process (server and simulator, GC and compiler threads included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * CPU ticks (user + system) of each PostgreSQL backend serving this platform (its connections carry the
     * bench's schema as their application name), by process id, read from /proc (the server runs on this
     * machine). The shared background processes (WAL writer, checkpointer) are not counted. Empty when /proc
     * cannot be read.
     */
    private static java.util.Map<Integer, Long> postgresCpuTicks(JdbcTemplate jdbc, String applicationName) {
        java.util.Map<Integer, Long> ticks = new java.util.HashMap<>();
        for (int pid : jdbc.queryForList("select pid from pg_stat_activity where application_name = ?", Integer.class, applicationName)) {
            try {
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime (fields 14 and 15)
            } catch (IOException | RuntimeException e) {
                // a backend that has gone, or no /proc: not counted
            }
        }
        return ticks;
    }

    /**
     * CPU ticks of this process's threads by kind, from /proc/self/task: the writer, the network threads, the
     * simulator (main), GC, the JIT compilers… (names without their numbers). Empty without /proc.
     */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9#]+", "").trim();
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that has ended
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** Ticks used between two readings; a backend started in between counts from its start. */
    private static long ticksBetween(java.util.Map<Integer, Long> before, java.util.Map<Integer, Long> after) {
        long sum = 0;
        for (java.util.Map.Entry<Integer, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static double ticksPerSecond() {
        return 100.0; // USER_HZ on Linux
    }

    private static void execute(String url, String sql) throws SQLException {
        String user = System.getenv().getOrDefault("ENVHUB_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("ENVHUB_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
