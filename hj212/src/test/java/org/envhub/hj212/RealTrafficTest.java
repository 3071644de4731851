package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every frame of the shipped real traffic (two hours of 2016 HJ/T 212-2005 loggers) through the server
 * pipeline: in one buffer, and in random chunks.
 */
class RealTrafficTest {

    private static byte[] all;
    private static List<byte[]> lines;
    private static long intactCount;

    @BeforeAll
    static void load() {
        all = TestSupport.traffic();
        lines = TestSupport.lines(all);
        intactCount = lines.stream().filter(TestSupport::intact).count();
    }

    @Test
    void theReferenceAgreesWithTheDataReadme() {
        // the independent reference (rulebook check, written out) finds what the data README says
        assertThat(lines).hasSize(18_092);
        assertThat(intactCount).isEqualTo(18_082);
    }

    @Test
    void everyIntactFrameChecksWithTheRulebookValue() {
        int checked = 0;
        for (byte[] line : lines) {
            if (!TestSupport.intact(line)) {
                continue;
            }
            int len = line.length - 10;
            int sent = Integer.parseInt(new String(line, 6 + len, 4, StandardCharsets.US_ASCII), 16);
            assertThat(Hj212Check.compute(line, 6, len)).isEqualTo(sent);
            assertThat(Hj212Check.verify(line, 6, len, 6 + len)).isEqualTo(Hj212Check.Match.STANDARD);
            checked++;
        }
        assertThat(checked).isEqualTo(18_082);
    }

    @Test
    void allOfItInOneBuffer() {
        TestSupport.Collector c = new TestSupport.Collector();
        Hj212Stats stats = new Hj212Stats();
        EmbeddedChannel ch = TestSupport.serverChannel(c, stats);
        ch.writeInbound(Unpooled.wrappedBuffer(all));
        ch.finish();
        verify(c.messages, stats, true);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomChunksOf1To4096Bytes(long seed) {
        TestSupport.Collector c = new TestSupport.Collector();
        Hj212Stats stats = new Hj212Stats();
        EmbeddedChannel ch = TestSupport.serverChannel(c, stats);
        int writes = TestSupport.feed(ch, all, new Random(seed), 1, 4096);
        ch.finish();
        assertThat(writes).isGreaterThan(all.length / 4096);
        verify(c.messages, stats, false);
    }

    @Test
    void tinyChunksOf1To16Bytes() {
        TestSupport.Collector c = new TestSupport.Collector();
        Hj212Stats stats = new Hj212Stats();
        EmbeddedChannel ch = TestSupport.serverChannel(c, stats);
        TestSupport.feed(ch, all, new Random(99), 1, 16);
        ch.finish();
        verify(c.messages, stats, false);
    }

    @Test
    void strictModeTakesExactlyTheFramesWithoutRefusedDeviations() {
        ParserOptions strict = ParserOptions.strict().allowing(Deviation.MISSING_QN, Deviation.MISSING_FLAG,
                Deviation.DATATIME_17_DIGITS, Deviation.NON_STANDARD_CN);
        List<Object> lenient = Frames.decode(all, ParserOptions.lenient());
        List<Object> strictOut = Frames.decode(all, strict);
        assertThat(strictOut).hasSize(lenient.size());
        int taken = 0;
        for (int i = 0; i < lenient.size(); i++) {
            if (lenient.get(i) instanceof InboundPacket p) {
                boolean ok = strict.refused(p.deviations()).isEmpty();
                if (ok) {
                    assertThat(strictOut.get(i)).isEqualTo(p);
                    taken++;
                } else {
                    RejectedFrame r = (RejectedFrame) strictOut.get(i);
                    assertThat(r.reason()).isEqualTo(RejectReason.STRICT_MODE);
                    assertThat(r.contentEquals(p.frame().bytes())).isTrue();
                }
            } else {
                assertThat(strictOut.get(i)).isEqualTo(lenient.get(i));
            }
        }
        // the repeated flags, keys and factors and the blank ST are what strict mode refuses here
        assertThat(taken).isBetween(10_000, 18_081);
    }

    private static void verify(List<Object> messages, Hj212Stats stats, boolean print) {
        assertThat(messages).hasSize(lines.size());
        Map<String, Integer> byCn = new TreeMap<>();
        List<RejectedFrame> rejects = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            Object m = messages.get(i);
            if (TestSupport.intact(line)) {
                assertThat(m).as("line %d", i + 1).isInstanceOf(InboundPacket.class);
                InboundPacket p = (InboundPacket) m;
                assertThat(p.frame().contentEquals(line)).as("raw bytes of line %d", i + 1).isTrue();
                assertFieldsMatch(p, line);
                byCn.merge(p.packet().cn(), 1, Integer::sum);
            } else {
                assertThat(m).as("line %d", i + 1).isInstanceOf(RejectedFrame.class);
                RejectedFrame r = (RejectedFrame) m;
                assertThat(r.contentEquals(line)).as("raw bytes of rejected line %d", i + 1).isTrue();
                assertThat(r.detail()).isNotBlank();
                rejects.add(r);
            }
        }
        assertThat(rejects).hasSize(10);
        assertThat(byCn.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(18_082);
        Hj212Stats.Snapshot s = stats.snapshot();
        assertThat(s.received()).isEqualTo(18_092);
        assertThat(s.accepted()).isEqualTo(18_082);
        assertThat(s.rejected()).isEqualTo(10);
        assertThat(s.exceptions()).isZero();
        assertThat(s.garbageBytes()).isZero();
        // the real traffic's known deviations (rulebook E) are recognised
        assertThat(s.deviations()).containsKeys(Deviation.DATATIME_17_DIGITS, Deviation.BLANK_ST,
                Deviation.REPEATED_FLAG, Deviation.MISSING_FLAG);
        if (print) {
            System.out.println("HJ 212 real traffic: " + s.received() + " frames, " + s.accepted() + " accepted, "
                    + s.rejected() + " rejected");
            System.out.println("  frames by CN: " + byCn);
            System.out.println("  deviations (frames having each): " + s.deviationsByName());
            System.out.println("  reject reasons: " + s.rejectReasons());
            for (RejectedFrame r : rejects) {
                System.out.println("  rejected: " + r.reason() + " - " + r.detail());
            }
        }
    }

    /**
     * Compares the parsed packet with a naive reading of the line (String.split, fine in a test): every
     * header field, and every CP item is found in the model.
     */
    private static void assertFieldsMatch(InboundPacket p, byte[] line) {
        String d = new String(line, 6, line.length - 10, StandardCharsets.ISO_8859_1);
        int cpAt = d.indexOf("CP=&&");
        Map<String, String> head = new LinkedHashMap<>();
        for (String item : d.substring(0, cpAt).split(";")) {
            String[] kv = item.split("=", 2);
            head.putIfAbsent(kv[0], kv[1]);
        }
        Hj212Packet pk = p.packet();
        assertThat(pk.cn()).isEqualTo(head.get("CN"));
        assertThat(pk.mn()).isEqualTo(head.get("MN"));
        assertThat(pk.pw()).isEqualTo(head.get("PW"));
        assertThat(pk.qn()).isEqualTo(head.get("QN"));
        String st = head.get("ST");
        assertThat(pk.st()).isEqualTo(st == null || st.replace("\0", "").isBlank() ? null : st);
        assertThat(pk.flag() == null ? null : pk.flag().value())
                .isEqualTo(head.get("Flag") == null ? null : Integer.valueOf(head.get("Flag")));
        String cp = d.substring(cpAt + 5, d.lastIndexOf("&&"));
        Map<String, String> firstParam = new LinkedHashMap<>();
        for (String item : cp.split("[;,]")) {
            String[] kv = item.split("=", 2);
            String key = kv[0];
            String value = kv[1];
            int dash = key.lastIndexOf('-');
            if (dash > 0) {
                String code = key.substring(0, dash);
                String suffix = key.substring(dash + 1);
                FactorField f = FactorField.byKey(suffix);
                List<Factor> occ = pk.cp().factors(code);
                assertThat(occ).as(key).isNotEmpty();
                boolean found = occ.stream().anyMatch(o -> f != null && value.equals(o.text(f))
                        || f == FactorField.FLAG && value.equals(o.zsFlag())
                        || f == null && value.equals(o.extras().get(suffix)));
                assertThat(found).as("%s=%s in %s", key, value, occ).isTrue();
            } else {
                firstParam.putIfAbsent(key, value);
            }
        }
        assertThat(pk.cp().params()).isEqualTo(firstParam);
        String dt = firstParam.get("DataTime");
        if (dt != null && dt.matches("\\d{14}(\\d{3})?")) {
            assertThat(pk.cp().dataTime()).as(dt).isNotNull();
            assertThat(Cp.formatTime(pk.cp().dataTime())).isEqualTo(dt.substring(0, 14));
        }
    }
}
