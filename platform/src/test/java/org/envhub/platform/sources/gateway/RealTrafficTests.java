package org.envhub.platform.sources.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.envhub.platform.sources.PollutionSources;
import org.envhub.platform.sources.RealTraffic;
import org.envhub.platform.sources.SourcesFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every frame of the real traffic (18,092 lines: 18,082 intact, 10 corrupted) through the real TCP server,
 * written in chunks of random size: every intact frame is stored byte for byte and its data taken (the same
 * MN + CN + DataTime once), the corrupted ones are stored as rejected with their reasons, nothing else is
 * stored or lost, and each answer arrives only once its frame is committed.
 */
@SpringBootTest
abstract class RealTrafficTests {

    @Autowired Hj212Gateway gateway;
    @Autowired PollutionSources sources;
    @Autowired SourcesFixture fixture;
    @Autowired JdbcClient jdbc;
    @Autowired FrameWriter writer;

    @Test
    void everyFrameOfTheRealTrafficInRandomChunksIsStoredExactlyAndAnsweredOnlyOnceCommitted() throws Exception {
        List<byte[]> lines = RealTraffic.lines();
        assertThat(lines).hasSize(18_092);
        // The devices of the traffic, registered with the password they use, at one monitoring point.
        long point = fixture.enterpriseWithDevice("甲区", "MNTRAFFIC00", "x").pointId();
        Set<String> mns = new TreeSet<>();
        for (byte[] line : lines) {
            String mn = RealTraffic.value(line, "MN");
            if (RealTraffic.intact(line) && mn != null && sources.find(mn).isEmpty()) {
                mns.add(mn);
            }
        }
        for (String mn : mns) {
            if (sources.find(mn).isEmpty()) {
                sources.registerDevice(mn, point, "123456", "test");
            }
        }
        long firstId = jdbc.sql("select coalesce(max(id), 0) from raw_frame").query(Long.class).single();

        // What an independent reading of the lines expects.
        List<Integer> wantAnswers = new ArrayList<>(); // indexes of the lines to be answered, in order
        Set<String> dataKeys = new HashSet<>();
        int dataLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (!RealTraffic.intact(line)) {
                continue;
            }
            String cn = RealTraffic.value(line, "CN");
            String flag = RealTraffic.value(line, "Flag");
            if (flag != null && (Integer.parseInt(flag) & 1) == 1 && !cn.startsWith("9")) {
                wantAnswers.add(i);
            }
            if (cn.startsWith("2")) {
                dataLines++;
                String dt = RealTraffic.value(line, "DataTime");
                if (dt == null) {
                    dt = RealTraffic.value(line, "AlarmTime"); // alarm events (2072) carry AlarmTime instead
                }
                assertThat(dt).as("line %d has a DataTime", i + 1).isNotNull();
                dataKeys.add(RealTraffic.value(line, "MN") + " " + cn + " " + dt.substring(0, 14) + (dt.length() == 17 ? dt.substring(14) : "000"));
            }
        }
        // 146 alarm events (2072) and 20 time-calibration requests (1013) want an answer; one 9011 with Flag=1
        // is itself an answer, and is not answered.
        assertThat(wantAnswers).hasSize(166);

        // With several writers (each owning the devices whose MN hashes to it), answers keep the order of each
        // device's frames; with one writer, the order of the lines.
        Map<String, java.util.ArrayDeque<Integer>> wantedByMn = new HashMap<>();
        for (int i : wantAnswers) {
            wantedByMn.computeIfAbsent(RealTraffic.value(lines.get(i), "MN"), k -> new java.util.ArrayDeque<>()).add(i);
        }
        boolean lineOrder = writer.writers() == 1;

        byte[] all = RealTraffic.bytes();
        List<String> answers = new ArrayList<>();
        List<String> notCommitted = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 5000);
            Thread sender = Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(seed());
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int at = 0; at < all.length; ) {
                        int n = Math.min(all.length - at, random.nextInt(1, 4097));
                        out.write(all, at, n);
                        at += n;
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.setSoTimeout(60_000);
            while (answers.size() < wantAnswers.size()) {
                String answer = readLine(in);
                if (answer == null) {
                    break;
                }
                // The answered frame must be committed by now: it is the next line that wanted an answer (of its device).
                String answerMn = answer.replaceAll(".*;MN=([^;]*);.*", "$1");
                java.util.ArrayDeque<Integer> pending = wantedByMn.get(answerMn);
                assertThat(pending).as("answer to a device with nothing to answer: %s", answer).isNotNull().isNotEmpty();
                int line = pending.poll();
                if (lineOrder) {
                    assertThat(line).as("answers in the order of the lines").isEqualTo(wantAnswers.get(answers.size()));
                }
                byte[] answered = lines.get(line);
                int committed = jdbc.sql("select count(*) from raw_frame where id > ? and raw = ? and outcome in ('accepted', 'duplicate')")
                        .params(firstId, answered).query(Integer.class).single();
                if (committed != 1) {
                    notCommitted.add(answer);
                }
                String answerCn = RealTraffic.value(answered, "CN").startsWith("1") ? "CN=9011" : "CN=9014";
                assertThat(answer).contains(answerCn).contains("MN=" + RealTraffic.value(answered, "MN"));
                answers.add(answer);
            }
            sender.join(TimeUnit.SECONDS.toMillis(60));
            socket.setSoTimeout(500);
            assertThat(readLine(in)).as("no answer beyond the expected ones").isNull();
        }
        assertThat(answers).hasSize(166);
        assertThat(notCommitted).as("answers sent before their frame was committed").isEmpty();

        // Everything the connection carried is stored once the writer is done.
        long deadline = System.currentTimeMillis() + 120_000;
        while (rows(firstId) < 18_092 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(rows(firstId)).isEqualTo(18_092);

        // Intact frames: stored byte for byte, taken; corrupted ones: rejected, byte for byte, with a reason.
        Map<String, Integer> intactWanted = new HashMap<>();
        Map<String, Integer> corruptWanted = new HashMap<>();
        for (byte[] line : lines) {
            (RealTraffic.intact(line) ? intactWanted : corruptWanted).merge(new String(line, StandardCharsets.ISO_8859_1), 1, Integer::sum);
        }
        Map<String, Integer> intactStored = new HashMap<>();
        Map<String, Integer> corruptStored = new HashMap<>();
        Map<String, Integer> reasons = new HashMap<>();
        jdbc.sql("select raw, outcome, reason, detail from raw_frame where id > ?").param(firstId).query(rs -> {
            String raw = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
            String outcome = rs.getString(2);
            if (outcome.equals("accepted") || outcome.equals("duplicate")) {
                intactStored.merge(raw, 1, Integer::sum);
            } else {
                assertThat(outcome).isEqualTo("rejected");
                assertThat(rs.getString(4)).isNotBlank();
                corruptStored.merge(raw, 1, Integer::sum);
                reasons.merge(rs.getString(3), 1, Integer::sum);
            }
        });
        assertThat(intactStored.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(18_082);
        assertThat(intactStored).isEqualTo(intactWanted);
        assertThat(corruptStored).isEqualTo(corruptWanted);
        assertThat(reasons).isEqualTo(Map.of("LENGTH_MISMATCH", 9, "BAD_LENGTH_FIELD", 1));

        // The data: one packet per MN + CN + DataTime, the repeats stored as duplicates.
        int packets = jdbc.sql("select count(*) from data_packet p join raw_frame f on f.id = p.frame_id where f.id > ?").param(firstId)
                .query(Integer.class).single();
        assertThat(packets).isEqualTo(dataKeys.size());
        assertThat(jdbc.sql("select count(*) from raw_frame where id > ? and outcome = 'duplicate'").param(firstId).query(Integer.class).single())
                .isEqualTo(dataLines - dataKeys.size());
        // A known frame's values: the second line of the first file.
        LocalDateTime utc = LocalDateTime.of(2016, 8, 24, 8, 14, 19).minusHours(8);
        Map<String, Object> so2 = jdbc.sql("select rtd, zs_rtd, flag, zs_flag from measurement where mn = 'LD130124000301' and cn = '2011'"
                + " and data_time = ? and factor = '02'").param(utc).query().singleRow();
        assertThat(((Number) so2.get("rtd")).doubleValue()).isEqualTo(12.8125);
        assertThat(((Number) so2.get("zs_rtd")).doubleValue()).isEqualTo(14.306484);
        assertThat(so2.get("flag")).isEqualTo("N");
        assertThat(so2.get("zs_flag")).isEqualTo("N");
        System.out.printf("real traffic through the gateway: %d frames stored, %d data packets, %d duplicates, %d answers%n",
                rows(firstId), packets, dataLines - dataKeys.size(), answers.size());
    }

    abstract long seed();

    private long rows(long firstId) {
        return jdbc.sql("select count(*) from raw_frame where id > ?").param(firstId).query(Long.class).single();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int prev = -1;
            for (int b; (b = in.read()) >= 0; prev = b) {
                if (prev == '\r' && b == '\n') {
                    byte[] all = line.toByteArray();
                    return new String(all, 0, all.length - 1, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
            }
            return null;
        } catch (java.net.SocketTimeoutException e) {
            return null;
        }
    }
}
