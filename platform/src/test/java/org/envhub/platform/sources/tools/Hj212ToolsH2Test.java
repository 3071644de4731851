package org.envhub.platform.sources.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.envhub.platform.EnvhubCommand;
import org.envhub.platform.sources.gateway.FrameWriter;
import org.envhub.platform.sources.gateway.Hj212Gateway;
import org.envhub.platform.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/** envhub hj212 simulate and replay against a running gateway (auto-registration on, as in the demo). */
@SpringBootTest(properties = "envhub.hj212.auto-register=true")
class Hj212ToolsH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired Hj212Gateway gateway;
    @Autowired FrameWriter writer;
    @Autowired JdbcClient jdbc;
    @Autowired org.envhub.platform.sources.alarms.AlarmEngine engine;

    @Test
    void simulatedDevicesWithFaultsAreAllAnsweredExceptTheFaultsAndEveryAnswerIsStored(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("answered.txt");
        StringWriter out = new StringWriter();
        CommandLine cli = EnvhubCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("hj212", "simulate", "--port", Integer.toString(gateway.port()), "--devices", "20", "--interval", "0.05",
                "--faults", "--duration", "4", "--mn-prefix", "SIMT", "--seed", "7", "--answered-log", log.toString());
        String printed = out.toString();
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("0 not answered");
        List<String> answered = Files.readAllLines(log);
        assertThat(answered).hasSizeGreaterThan(200);
        // Every answered packet is stored: its device, its DataTime.
        for (String line : answered) {
            String[] f = line.split(" ");
            LocalDateTimeKey key = new LocalDateTimeKey(f[2]);
            assertThat(jdbc.sql("select count(*) from data_packet where mn = ? and cn = '2011' and data_time = ?")
                    .params(f[0], key.utc()).query(Integer.class).single()).as(line).isOne();
        }
        assertThat(jdbc.sql("select count(*) from device where mn like 'SIMT%' and status = 'pending'").query(Integer.class).single()).isEqualTo(20);
        // The faults reached the gateway and were rejected with their reasons.
        List<String> reasons = jdbc.sql("select distinct reason from raw_frame where mn like 'SIMT%' and outcome = 'rejected'").query(String.class).list();
        assertThat(reasons).contains("WRONG_PASSWORD", "CHECK_MISMATCH");
        assertThat(printed).containsPattern("[1-9]\\d* split");
        // The simulated faults raise alarms: flagged values, and stuck ones when a device got stuck.
        assertThat(engine.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.sql("select count(*) from source_alarm where mn like 'SIMT%' and kind = 'ABNORMAL_FLAG'").query(Integer.class).single()).isPositive();
        java.util.regex.Matcher stuck = java.util.regex.Pattern.compile("(\\d+) devices with stuck values").matcher(printed);
        assertThat(stuck.find()).isTrue();
        assertThat(jdbc.sql("select count(distinct mn) from source_alarm where mn like 'SIMT%' and kind = 'STUCK_VALUE'").query(Integer.class).single())
                .isEqualTo(Integer.parseInt(stuck.group(1)));
        // Zero or negative values and values beyond any instrument's range (O2 30 %, pH 15) are sent flagged normal, and each one
        // raises its alarm: one occurrence per fault, counted on the device's open alarm.
        assertThat(faults(printed, "zero or negative")).isPositive();
        assertThat(occurrences("ZERO_OR_NEGATIVE")).isEqualTo(faults(printed, "zero or negative"));
        assertThat(faults(printed, "out of range")).isPositive();
        assertThat(occurrences("OUT_OF_RANGE")).isEqualTo(faults(printed, "out of range"));
        assertThat(jdbc.sql("select distinct factor from source_alarm where mn like 'SIMT%' and kind = 'OUT_OF_RANGE'").query(String.class).list())
                .containsExactlyInAnyOrder("a19001", "w01001");
        // A jump (the first factor twenty times its last value) always follows a normal value, so it raises its alarm; the value
        // after it jumps back down, which raises another unless that packet was flagged, zero or lost.
        int jumps = faults(printed, "jumps");
        assertThat(jumps).isPositive();
        assertThat(occurrences("SUDDEN_JUMP")).isBetween(jumps, 2 * jumps);
    }

    @Test
    void replaySendsACaptureAsItIsAndCountsTheAnswers(@TempDir Path dir) throws Exception {
        String wants = "QN=20240301100000001;ST=31;CN=2011;PW=123456;MN=REPLAY0001;Flag=5;CP=&&DataTime=20240301100000;a21026-Rtd=1.5&&";
        String quiet = "ST=31;CN=2011;PW=123456;MN=REPLAY0001;CP=&&DataTime=20240301100100;a21026-Rtd=1.6&&";
        byte[] capture = concat(org.envhub.hj212.Hj212Writer.frame(wants.getBytes(StandardCharsets.US_ASCII)), "##9999garbage\r\n".getBytes(StandardCharsets.US_ASCII),
                org.envhub.hj212.Hj212Writer.frame(quiet.getBytes(StandardCharsets.US_ASCII)));
        Path file = dir.resolve("capture.h212.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(capture);
        }
        StringWriter out = new StringWriter();
        CommandLine cli = EnvhubCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("hj212", "replay", file.toString(), "--port", Integer.toString(gateway.port()), "--chunks", "1-7", "--wait", "1");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("3 frames").contains("1 answers received");
        assertThat(jdbc.sql("select outcome from raw_frame where mn = 'REPLAY0001' order by id").query(String.class).list())
                .containsExactly("accepted", "accepted");
        assertThat(jdbc.sql("select count(*) from raw_frame where reason = 'FRAME_TOO_LONG' or reason = 'LENGTH_MISMATCH'").query(Integer.class).single())
                .isOne();

        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("hj212", "replay", dir.resolve("missing.h212").toString(), "--port", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("missing.h212");
    }

    private static int faults(String printed, String what) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) " + what).matcher(printed);
        assertThat(m.find()).as(what + " in: " + printed).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private int occurrences(String kind) {
        return jdbc.sql("select coalesce(sum(occurrences), 0) from source_alarm where mn like 'SIMT%' and kind = ?").param(kind)
                .query(Integer.class).single();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** A DataTime as the simulator logs it (Beijing, yyyyMMddHHmmss), as the UTC time stored. */
    record LocalDateTimeKey(String text) {
        java.time.LocalDateTime utc() {
            return org.envhub.platform.sources.SourceTime.dataTimeToUtc(org.envhub.hj212.Cp.parseTime(text));
        }
    }
}
