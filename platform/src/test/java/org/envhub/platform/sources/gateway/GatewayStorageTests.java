package org.envhub.platform.sources.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.envhub.hj212.Cp;
import org.envhub.hj212.Factor;
import org.envhub.hj212.Hj212Packet;
import org.envhub.platform.sources.DeviceConnection;
import org.envhub.platform.sources.SourcesFixture;
import org.envhub.platform.support.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Frames over TCP into the database: raw frames, data, latest values, duplicates, authorisation. */
@SpringBootTest
abstract class GatewayStorageTests {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 1, 10, 0, 0);

    @Autowired Hj212Gateway gateway;
    @Autowired SourcesFixture fixture;
    @Autowired JdbcClient jdbc;
    @Autowired FrameWriter writer;

    @Test
    void dataIsStoredThenAnsweredAndTheSameDataTwiceIsStoredOnce() throws Exception {
        fixture.enterpriseWithDevice("甲区", "MNSTORE0001", "pw0001");
        Hj212Packet first = SourcesFixture.realTime("MNSTORE0001", "pw0001", T0, "12.5", "33.062344");
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            c.send(SourcesFixture.bytes(first));
            String answer = c.answer(10_000);
            assertThat(answer).contains("CN=9014").contains("MN=MNSTORE0001").contains("QN=" + first.qn());
            // The answer came after the commit: the data is there now.
            assertThat(count("select count(*) from data_packet where mn = 'MNSTORE0001'")).isOne();
            Map<String, Object> so2 = jdbc.sql("select rtd, flag, cn, data_time from measurement where mn = 'MNSTORE0001' and factor = 'a21026'")
                    .query().singleRow();
            assertThat(((Number) so2.get("rtd")).doubleValue()).isEqualTo(12.5);
            assertThat(so2.get("flag")).isEqualTo("N");
            assertThat(so2.get("cn")).isEqualTo("2011");
            // DataTime 10:00 Beijing is stored as 02:00 UTC.
            assertThat(jdbc.sql("select data_time from measurement where mn = 'MNSTORE0001' and factor = 'a21002'")
                    .query(LocalDateTime.class).single()).isEqualTo(T0.minusHours(8));
            assertThat(((Number) jdbc.sql("select rtd from measurement where mn = 'MNSTORE0001' and factor = 'a21002'")
                    .query().singleValue()).doubleValue()).isEqualTo(33.062344);

            // The same MN + CN + DataTime again, other QN and values: answered, raw frame kept, data not stored twice.
            Hj212Packet again = SourcesFixture.realTime("MNSTORE0001", "pw0001", T0, "99", "99");
            c.send(SourcesFixture.bytes(again));
            assertThat(c.answer(10_000)).contains("CN=9014").contains("QN=" + again.qn());
            assertThat(count("select count(*) from data_packet where mn = 'MNSTORE0001'")).isOne();
            assertThat(count("select count(*) from measurement where mn = 'MNSTORE0001'")).isEqualTo(2);
            assertThat(((Number) jdbc.sql("select rtd from measurement where mn = 'MNSTORE0001' and factor = 'a21026'")
                    .query().singleValue()).doubleValue()).isEqualTo(12.5);
            assertThat(jdbc.sql("select outcome from raw_frame where mn = 'MNSTORE0001' order by id").query(String.class).list())
                    .containsExactly("accepted", "duplicate");
            // Raw frames verbatim (without the CR LF that ends each frame on the wire).
            byte[] sent = SourcesFixture.bytes(first);
            byte[] raw = jdbc.sql("select raw from raw_frame where mn = 'MNSTORE0001' order by id").query(byte[].class).list().getFirst();
            assertThat(raw).isEqualTo(java.util.Arrays.copyOf(sent, sent.length - 2));
        }
    }

    @Test
    void latePacketsAreLookedUpAndResentOnesAreDuplicates() throws Exception {
        // The writer knows the newest packet of each MN and CN and looks up only packets not newer than it.
        fixture.enterpriseWithDevice("甲区", "MNLATE00001", "pw");
        List<LocalDateTime> times = List.of(T0.plusMinutes(5), T0, T0, T0.plusMinutes(5), T0.plusMinutes(6));
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            for (LocalDateTime t : times) {
                Hj212Packet p = SourcesFixture.realTime("MNLATE00001", "pw", t, "1", "2");
                c.send(SourcesFixture.bytes(p));
                assertThat(c.answer(10_000)).contains("QN=" + p.qn());
            }
        }
        assertThat(jdbc.sql("select outcome from raw_frame where mn = 'MNLATE00001' order by id").query(String.class).list())
                .containsExactly("accepted", "accepted", "duplicate", "duplicate", "accepted");
        assertThat(count("select count(*) from data_packet where mn = 'MNLATE00001'")).isEqualTo(3);
    }

    @Test
    void aPacketStoredBehindTheWritersBackIsStillTakenForADuplicate() throws Exception {
        fixture.enterpriseWithDevice("甲区", "MNBEHIND001", "pw");
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            Hj212Packet first = SourcesFixture.realTime("MNBEHIND001", "pw", T0, "1", "2");
            c.send(SourcesFixture.bytes(first));
            assertThat(c.answer(10_000)).contains("QN=" + first.qn());
            // The writer now takes T0 for the newest; something else stores T0 + 1 min.
            jdbc.sql("insert into data_packet (mn, cn, data_time, frame_id) values ('MNBEHIND001', '2011', ?, 0)")
                    .param(org.envhub.platform.sources.SourceTime.dataTimeToUtc(T0.plusMinutes(1))).update();
            long failures = writer.counters().batchFailures();
            Hj212Packet behind = SourcesFixture.realTime("MNBEHIND001", "pw", T0.plusMinutes(1), "3", "4");
            c.send(SourcesFixture.bytes(behind));
            assertThat(c.answer(10_000)).contains("QN=" + behind.qn());
            // Its batch failed on the key, and was stored again one by one, every packet looked up.
            assertThat(writer.counters().batchFailures()).isEqualTo(failures + 1);
            Hj212Packet next = SourcesFixture.realTime("MNBEHIND001", "pw", T0.plusMinutes(2), "5", "6");
            c.send(SourcesFixture.bytes(next));
            assertThat(c.answer(10_000)).contains("QN=" + next.qn());
        }
        assertThat(jdbc.sql("select outcome from raw_frame where mn = 'MNBEHIND001' order by id").query(String.class).list())
                .containsExactly("accepted", "duplicate", "accepted");
        assertThat(count("select count(*) from measurement where mn = 'MNBEHIND001'")).isEqualTo(4);
    }

    @Test
    void latestValuesKeepTheNewestDataTimeOfEachFactor() throws Exception {
        fixture.enterpriseWithDevice("甲区", "MNLATEST001", "pw");
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNLATEST001", "pw", T0.plusMinutes(5), "20", "40")));
            assertThat(c.answer(10_000)).contains("CN=9014");
            // An older value (sent late) does not replace the newer one; a minute value (Avg) after it does.
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNLATEST001", "pw", T0, "10", "30")));
            assertThat(c.answer(10_000)).contains("CN=9014");
            Hj212Packet minute = Hj212Packet.builder().qn("20240301101000000").st("31").cn("2051").pw("pw").mn("MNLATEST001").flag(5)
                    .cp(Cp.builder().dataTime(T0.plusMinutes(10)).factor(Factor.builder("a21026").avg("21.5").min("1").max("30").flag("M")).build())
                    .build();
            c.send(SourcesFixture.bytes(minute));
            assertThat(c.answer(10_000)).contains("CN=9014");
        }
        List<Map<String, Object>> rows = jdbc.sql("select factor, cn, reading, flag, data_time from latest_value where mn = 'MNLATEST001' order by factor")
                .query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("factor")).isEqualTo("a21002");
        assertThat(((Number) rows.get(0).get("reading")).doubleValue()).isEqualTo(40);
        assertThat(rows.get(1).get("factor")).isEqualTo("a21026");
        assertThat(rows.get(1).get("cn")).isEqualTo("2051");
        assertThat(((Number) rows.get(1).get("reading")).doubleValue()).isEqualTo(21.5);
        assertThat(rows.get(1).get("flag")).isEqualTo("M");
    }

    @Test
    void unknownDevicesWrongPasswordsAndBrokenFramesAreStoredAsRejectedWithNoDataAndNoAnswer() throws Exception {
        fixture.enterpriseWithDevice("甲区", "MNAUTH00001", "right");
        byte[] corrupted = SourcesFixture.bytes(SourcesFixture.realTime("MNAUTH00001", "right", T0, "1", "2"));
        corrupted[corrupted.length - 4] ^= 0x01; // a check digit changed in transit
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNUNKNOWN01", "right", T0, "1", "2")));
            c.send(SourcesFixture.bytes(SourcesFixture.realTime("MNAUTH00001", "wrong", T0, "1", "2")));
            c.send(corrupted);
            // A good frame after the bad ones is taken, and is the only one answered.
            Hj212Packet good = SourcesFixture.realTime("MNAUTH00001", "right", T0.plusMinutes(1), "3", "4");
            c.send(SourcesFixture.bytes(good));
            assertThat(c.answer(10_000)).contains("QN=" + good.qn());
            assertThat(c.answer(500)).isNull();
        }
        Eventually.until("the unknown device's frame stored", () -> count("select count(*) from raw_frame where mn = 'MNUNKNOWN01'") > 0);
        assertThat(jdbc.sql("select reason from raw_frame where mn = 'MNUNKNOWN01'").query(String.class).list()).containsExactly("UNKNOWN_DEVICE");
        assertThat(jdbc.sql("select outcome || ' ' || reason from raw_frame where mn = 'MNAUTH00001' and outcome <> 'accepted' order by id")
                .query(String.class).list()).containsExactly("rejected WRONG_PASSWORD", "rejected CHECK_MISMATCH");
        assertThat(count("select count(*) from data_packet where mn in ('MNUNKNOWN01', 'MNAUTH00001')")).isOne();
        assertThat(count("select count(*) from device where mn = 'MNUNKNOWN01'")).isZero();
        byte[] storedCorrupt = jdbc.sql("select raw from raw_frame where reason = 'CHECK_MISMATCH' and mn = 'MNAUTH00001'").query(byte[].class).single();
        assertThat(new String(storedCorrupt, StandardCharsets.ISO_8859_1)).isEqualTo(new String(corrupted, 0, corrupted.length - 2, StandardCharsets.ISO_8859_1));
    }

    @Test
    void badTextNeverStopsTheWriter() throws Exception {
        fixture.enterpriseWithDevice("甲区", "MNBADTEXT01", "pw");
        // A factor code far too long for its column, a NUL in a flag, a value too large for a double.
        String data = "QN=20240301100000000;ST=31;CN=2011;PW=pw;MN=MNBADTEXT01;Flag=5;CP=&&DataTime=20240301100000;"
                + "a".repeat(200) + "-Rtd=1,a21026-Rtd=1E400,a21026-Flag=N\0;a21002-Rtd=5,a21002-Info=C:\\dir\\t1\\N&&";
        try (DeviceConnection c = new DeviceConnection(gateway.port())) {
            c.send(org.envhub.hj212.Hj212Writer.frame(data.getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(c.answer(10_000)).contains("CN=9014");
        }
        assertThat(jdbc.sql("select outcome from raw_frame where mn = 'MNBADTEXT01'").query(String.class).single()).isEqualTo("accepted");
        assertThat(count("select count(*) from measurement where mn = 'MNBADTEXT01'")).isEqualTo(3);
        assertThat(count("select count(*) from measurement where mn = 'MNBADTEXT01' and factor = 'a21026' and rtd is null")).isOne();
        assertThat(count("select count(*) from measurement where mn = 'MNBADTEXT01' and factor = 'a21002' and rtd = 5")).isOne();
        assertThat(count("select count(*) from measurement where mn = 'MNBADTEXT01' and factor = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'")).isOne();
        assertThat(jdbc.sql("select flag from measurement where mn = 'MNBADTEXT01' and factor = 'a21026'").query(String.class).single()).isEqualTo("N?");
        // Backslashes kept as sent (PostgreSQL's COPY would read "\\t" as a tab and "\\N" as null unless escaped).
        assertThat(jdbc.sql("select other_fields from measurement where mn = 'MNBADTEXT01' and factor = 'a21002'").query(String.class).single())
                .isEqualTo("Info=C:\\dir\\t1\\N;");
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
