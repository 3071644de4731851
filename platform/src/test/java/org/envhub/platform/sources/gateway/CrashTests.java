package org.envhub.platform.sources.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.envhub.platform.sources.SourceTime;
import org.envhub.platform.sources.tools.Simulator;
import org.envhub.hj212.Cp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is killed hard (a separate JVM, destroyForcibly: SIGKILL, no shutdown hook) while simulated
 * devices send frames that want answers; it is started again on the same data directory while they keep
 * sending, and every packet that was answered, before or after the crash, must be in the database.
 */
abstract class CrashTests {

    /** Settings for the server's environment (the database), and a connection to read what it stored. */
    abstract Map<String, String> environment(Path dir);

    abstract Connection connect(Path dir) throws SQLException;

    @Test
    void nothingAnsweredIsLostWhenTheServerIsKilled(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path log = dir.resolve("server.log");
        Process server = start(dir, port, log);
        Simulator.Result result;
        List<String> answered = new ArrayList<>();
        try {
            waitForPort(port, server, log);
            Simulator simulator = new Simulator(new Simulator.Config("127.0.0.1", port, 40, 0.01, 2017, false, 40, "CRASH", "123456", 3, 3000));
            StringWriter answers = new StringWriter();
            Thread devices = Thread.ofPlatform().start(() -> {
                try {
                    synchronized (answered) {
                        answered.add(simulator.run(new PrintWriter(answers)).describe());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(6000);
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            server = start(dir, port, log);
            waitForPort(port, server, log);
            Thread.sleep(5000);
            simulator.stop();
            devices.join(60_000);
            synchronized (answered) {
                System.out.println("crash test: " + answered);
            }
            server.destroy(); // a normal stop: the rest is flushed
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String[]> lines = answers.toString().lines().map(l -> l.split(" ")).toList();
            assertThat(lines).hasSizeGreaterThan(100);
            try (Connection c = connect(dir);
                 PreparedStatement q = c.prepareStatement("select count(*) from data_packet where mn = ? and cn = '2011' and data_time = ?")) {
                List<String> missing = new ArrayList<>();
                for (String[] l : lines) {
                    q.setString(1, l[0]);
                    q.setObject(2, SourceTime.dataTimeToUtc(Cp.parseTime(l[2])));
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) != 1) {
                            missing.add(String.join(" ", l));
                        }
                    }
                }
                assertThat(missing).as("answered but not stored (of %d answered)", lines.size()).isEmpty();
                // The crash really happened mid-traffic: frames were stored both before and after the restart.
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from raw_frame")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(lines.size());
                }
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private Process start(Path dir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Denvhub.demo-data=false", "-Denvhub.hj212.auto-register=true",
                "-Denvhub.admin-password=crash-test-password", "-cp", System.getProperty("java.class.path"),
                "org.envhub.platform.EnvhubCommand", "serve", "--data-dir", dir.toString(), "--port", "0", "--hj212-port", Integer.toString(port));
        pb.environment().putAll(environment(dir));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private static void waitForPort(int port, Process server, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(server.isAlive()).as("server died: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the server did not listen on " + port + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
