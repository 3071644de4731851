package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised {@link Hj212Parser} (structure read from bytes) gives exactly what the plain String-based
 * {@link ReferenceParser} gives: the same packet (fields, parameters and factors in the same order, DataTime),
 * the same deviations and charset, or the same rejection. On all the real traffic, and on frames built to
 * stress the item syntax (separators, repeats, empty and malformed items, non-ASCII text in UTF-8 and GBK),
 * in lenient and strict mode and with a fixed charset.
 */
class ParserAgreementTest {

    private static final List<ParserOptions> OPTIONS = List.of(ParserOptions.lenient(), ParserOptions.strict(),
            ParserOptions.lenient().withCharset(Hj212Parser.GBK), ParserOptions.strict().allowing(Deviation.MISSING_QN, Deviation.MISSING_FLAG));

    @Test
    void agreesOnTheRealTraffic() {
        int n = 0;
        for (byte[] line : TestSupport.lines(TestSupport.traffic())) {
            if (line.length < 10) {
                continue;
            }
            for (ParserOptions o : OPTIONS) {
                assertAgree(line, o);
            }
            n++;
        }
        assertThat(n).isEqualTo(18_092);
    }

    @Test
    void agreesOnMutatedRealFrames() {
        List<byte[]> lines = TestSupport.lines(TestSupport.traffic());
        FuzzTest.cases(20_000, 777_000L, r -> {
            byte[] line = lines.get(r.nextInt(lines.size()));
            List<Byte> data = new ArrayList<>();
            for (int i = 6; i < line.length - 4; i++) {
                data.add(line[i]);
            }
            int edits = 1 + r.nextInt(6);
            for (int e = 0; e < edits && !data.isEmpty(); e++) {
                int at = r.nextInt(data.size());
                switch (r.nextInt(4)) {
                    case 0 -> data.set(at, pick(r));
                    case 1 -> data.add(at, pick(r));
                    case 2 -> data.remove(at);
                    default -> {
                        byte[] text = chinese(r);
                        for (int k = text.length - 1; k >= 0; k--) {
                            data.add(at, text[k]);
                        }
                    }
                }
            }
            byte[] d = new byte[data.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = data.get(i);
            }
            assertAgree(frameOf(d), OPTIONS.get(r.nextInt(OPTIONS.size())));
        });
    }

    @Test
    void agreesOnGeneratedItemSoup() {
        String[] pieces = {"QN=", "ST=", "CN=", "PW=", "MN=", "Flag=", "PNUM=", "PNO=", "CP=&&", "&&", ";", ",", "=", "-", "&", "DataTime=",
                "20240101120000", "20240101120000123", "2011", "2061", "123456", "a21026", "02", "Rtd", "Flag", "ZsRtd", "ZsFlag", "ZsCou",
                "Avg", "SampleTime", "RS", "1.5", "-2e3", "N", "D", "x", "校准", "é", "\u0000", " ", "99"};
        FuzzTest.cases(20_000, 778_000L, r -> {
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(3) > 0) {
                sb.append("QN=20240101120000123;ST=32;CN=2011;PW=123456;MN=M1;Flag=5;CP=&&");
            }
            int n = r.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            if (r.nextBoolean()) {
                sb.append("&&");
            }
            Charset cs = r.nextBoolean() ? StandardCharsets.UTF_8 : Hj212Parser.GBK;
            assertAgree(frameOf(sb.toString().getBytes(cs)), OPTIONS.get(r.nextInt(OPTIONS.size())));
        });
    }

    private static byte pick(SplittableRandom r) {
        byte[] interesting = {';', ',', '=', '-', '&', 'C', 'P', '#', 0, (byte) 0x80, (byte) 0xFF, (byte) 0xC3, (byte) 0xD0};
        return r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : (byte) r.nextInt(256);
    }

    private static byte[] chinese(SplittableRandom r) {
        String[] words = {"校准", "维护", "故障", "正常", "污水"};
        Charset cs = r.nextBoolean() ? StandardCharsets.UTF_8 : Hj212Parser.GBK;
        return words[r.nextInt(words.length)].getBytes(cs);
    }

    /** A frame around a data segment; the parser does not look at the length or check characters. */
    private static byte[] frameOf(byte[] data) {
        return Frames.concat(Frames.ascii(String.format("##%04d", Math.min(data.length, 9999))), data, Frames.ascii("0000"));
    }

    private static void assertAgree(byte[] frameBytes, ParserOptions options) {
        RawFrame frame = RawFrame.of(frameBytes, frameBytes.length - 10, Set.of());
        Hj212Inbound fast = new Hj212Parser(options).parse(frame);
        Hj212Inbound reference = new ReferenceParser(options).parse(frame);
        String what = new String(frameBytes, StandardCharsets.ISO_8859_1) + " " + options;
        switch (reference) {
            case InboundPacket r -> {
                assertThat(fast).as(what).isInstanceOf(InboundPacket.class);
                InboundPacket f = (InboundPacket) fast;
                assertThat(f.packet()).as(what).isEqualTo(r.packet());
                assertThat(f.packet().toString()).as(what).isEqualTo(r.packet().toString()); // and in the same order
                assertThat(f.packet().cp().dataTime()).as(what).isEqualTo(r.packet().cp().dataTime());
                assertThat(f.deviations()).as(what).isEqualTo(r.deviations());
                assertThat(f.charset()).as(what).isEqualTo(r.charset());
                assertThat(f.frames()).as(what).isEqualTo(r.frames());
            }
            case RejectedFrame r -> {
                assertThat(fast).as(what).isInstanceOf(RejectedFrame.class);
                RejectedFrame f = (RejectedFrame) fast;
                assertThat(f.reason()).as(what).isEqualTo(r.reason());
                assertThat(f.detail()).as(what).isEqualTo(r.detail());
                assertThat(f.deviations()).as(what).isEqualTo(r.deviations());
                assertThat(f.bytes()).as(what).isEqualTo(r.bytes());
            }
            default -> throw new AssertionError("unexpected " + reference);
        }
    }
}
