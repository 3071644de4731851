package org.envhub.platform.sources.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.envhub.hj212.Hj212Packet;
import org.envhub.platform.sources.DeviceConnection;
import org.envhub.platform.sources.SourcesFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 2,000 devices connected at once, each sending a packet that wants an answer: all answered, all stored. H2 and PostgreSQL. */
@SpringBootTest(properties = "envhub.hj212.auto-register=true")
abstract class ManyConnectionsTests {

    static final int DEVICES = 2000;

    @Autowired Hj212Gateway gateway;
    @Autowired JdbcClient jdbc;

    @Test
    void twoThousandConcurrentConnectionsAreAllServed() throws Exception {
        CountDownLatch allConnected = new CountDownLatch(DEVICES);
        CountDownLatch release = new CountDownLatch(1);
        LocalDateTime t = LocalDateTime.of(2024, 3, 1, 10, 0);
        long started = System.nanoTime();
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < DEVICES; i++) {
                String mn = String.format("MANY%06d", i);
                answers.add(pool.submit(() -> {
                    try (DeviceConnection c = new DeviceConnection(gateway.port())) {
                        allConnected.countDown();
                        // Everyone sends once all are connected, so the connections really are concurrent.
                        release.await();
                        Hj212Packet p = SourcesFixture.realTime(mn, "pw", t, "1", "2");
                        c.send(SourcesFixture.bytes(p));
                        String answer = c.answer(60_000);
                        return answer != null && answer.contains("MN=" + mn) ? "ok" : "no answer for " + mn;
                    } catch (IOException e) {
                        allConnected.countDown();
                        return mn + ": " + e;
                    }
                }));
            }
            assertThat(allConnected.await(60, TimeUnit.SECONDS)).isTrue();
            long deadline = System.currentTimeMillis() + 10_000;
            while (gateway.openConnections() < DEVICES && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(gateway.openConnections()).isEqualTo(DEVICES);
            release.countDown();
            List<String> problems = new ArrayList<>();
            for (Future<String> f : answers) {
                String r = f.get(90, TimeUnit.SECONDS);
                if (!r.equals("ok")) {
                    problems.add(r);
                }
            }
            assertThat(problems).isEmpty();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(jdbc.sql("select count(*) from data_packet where mn like 'MANY%'").query(Integer.class).single()).isEqualTo(DEVICES);
        assertThat(gateway.refusedConnections()).isZero();
        System.out.printf("%s: %d concurrent connections: connected, answered and stored in %.1f s%n", getClass().getSimpleName(), DEVICES, seconds);
    }
}
