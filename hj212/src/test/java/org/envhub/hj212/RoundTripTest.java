package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Encode → decode gives the same model; lengths and check values are over bytes, in GBK and in UTF-8. */
class RoundTripTest {

    /** Chinese words whose GBK bytes are not valid UTF-8, so the charset can be told from the bytes. */
    private static final List<String> WORDS = List.of("设备正常", "二氧化硫", "化学需氧量", "氨氮", "烟尘", "废水排放口",
            "在线监测", "数采仪", "环境保护局", "维护", "停运");

    @Test
    void chineseTextIsCountedInBytesInEachCharset() {
        Hj212Packet p = Hj212Packet.builder().qn("20240101120000000").st("32").cn("2011").pw("123456").mn("MN0001")
                .flag(PacketFlag.of(1, false, true))
                .cp(Cp.builder().dataTime(LocalDateTime.of(2024, 1, 1, 12, 0)).param("Info", "废水排放口在线监测")
                        .factor(Factor.builder("w01018").rtd("44.3").flag("N")).build())
                .build();
        String data = Hj212Writer.dataSegment(p);
        for (Charset cs : List.of(Hj212Parser.GBK, StandardCharsets.UTF_8)) {
            byte[] frame = Hj212Writer.encode(p, cs);
            byte[] bytes = data.getBytes(cs);
            assertThat(bytes.length).isGreaterThan(data.length()); // Chinese: more bytes than characters
            assertThat(new String(frame, 2, 4, StandardCharsets.US_ASCII)).isEqualTo(String.format("%04d", bytes.length));
            assertThat(new String(frame, 6 + bytes.length, 4, StandardCharsets.US_ASCII))
                    .isEqualTo(String.format("%04X", TestSupport.rulebookCheck(bytes, 0, bytes.length)));
            InboundPacket in = (InboundPacket) Frames.decodeOne(frame, ParserOptions.strict());
            assertThat(in.packet()).isEqualTo(p);
            assertThat(in.charset()).isEqualTo(cs);
        }
        assertThat(Hj212Writer.encode(p, Hj212Parser.GBK).length).isLessThan(Hj212Writer.encode(p, StandardCharsets.UTF_8).length);
    }

    @Test
    void encodeThenDecodeGivesTheSamePacket() {
        FuzzTest.cases(300, 216_000L, r -> roundTrip(packet(r), r.nextBoolean() ? Hj212Parser.GBK : StandardCharsets.UTF_8));
    }

    private static void roundTrip(Hj212Packet p, Charset cs) {
        byte[] frame = Hj212Writer.encode(p, cs);
        byte[] data = Hj212Writer.dataSegment(p).getBytes(cs);
        assertThat(frame.length).isEqualTo(data.length + 12);
        assertThat(Integer.parseInt(new String(frame, 2, 4, StandardCharsets.US_ASCII))).isEqualTo(data.length);
        assertThat(Hj212Check.verify(frame, 6, data.length, 6 + data.length)).isEqualTo(Hj212Check.Match.STANDARD);

        Object out = Frames.decodeOne(frame, ParserOptions.lenient());
        assertThat(out).isInstanceOf(InboundPacket.class);
        InboundPacket in = (InboundPacket) out;
        assertThat(in.packet()).isEqualTo(p);
        assertThat(in.deviations()).doesNotContain(Deviation.LENGTH_IN_CHARACTERS, Deviation.REPEATED_FACTOR,
                Deviation.MALFORMED_ITEM, Deviation.CONFLICTING_KEY);
        boolean ascii = data.length == Hj212Writer.dataSegment(p).length();
        assertThat(in.charset()).isEqualTo(ascii ? StandardCharsets.ISO_8859_1 : cs);
    }

    private static <T> T oneOf(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String digits(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static String alphanumeric(SplittableRandom r, int min, int max) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        int n = r.nextInt(min, max + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    static Hj212Packet packet(SplittableRandom r) {
        String qn = r.nextInt(5) == 0 ? null : digits(r, 17);
        PacketFlag flag = r.nextInt(5) == 0 ? null : PacketFlag.of(r.nextInt(3), false, r.nextBoolean());
        return Hj212Packet.builder().qn(qn).st(oneOf(r, List.of("22", "31", "32", "91")))
                .cn(oneOf(r, List.of("2011", "2051", "2061", "2031", "2072", "1062", "9014", "8013")))
                .pw(alphanumeric(r, 1, 8)).mn(alphanumeric(r, 1, 24)).flag(flag).cp(cp(r)).build();
    }

    private static Cp cp(SplittableRandom r) {
        Cp.Builder b = Cp.builder();
        if (r.nextInt(10) != 0) {
            b.dataTime(LocalDateTime.of(2016, 1, 1, 0, 0).plusSeconds(r.nextInt(10_000_001) * 60L));
        }
        if (r.nextBoolean()) {
            StringBuilder text = new StringBuilder();
            for (int i = r.nextInt(1, 4); i > 0; i--) {
                text.append(oneOf(r, WORDS));
            }
            b.param("Info", text.toString());
        }
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = r.nextInt(13); i > 0; i--) {
            Factor f = factor(r);
            if (codes.add(f.code())) {
                b.factor(f);
            }
        }
        return b.build();
    }

    private static final List<String> CODES = List.of("a21026", "a21002", "a34013", "a00000", "w01018", "w21003", "w01001",
            "w00000", "01", "02", "B01", "B02", "S01");

    private static Factor factor(SplittableRandom r) {
        String code = r.nextBoolean() ? oneOf(r, CODES) : (char) ('a' + r.nextInt(26)) + digits(r, 5);
        Factor.Builder b = Factor.builder(code);
        String flag = oneOf(r, List.of("N", "F", "M", "S", "D", "C", "T", "B"));
        List<FactorField> all = new ArrayList<>(List.of(FactorField.values()));
        java.util.Collections.shuffle(all, new java.util.Random(r.nextLong()));
        EnumSet<FactorField> fields = EnumSet.copyOf(all.subList(0, r.nextInt(1, 9)));
        for (FactorField f : fields) {
            b.set(f, f.numeric() ? number(r) : f == FactorField.SAMPLE_TIME ? "20240101120000" : flag);
        }
        if (r.nextBoolean()) {
            b.extra("ZsCou", number(r));
        }
        return b.build();
    }

    private static String number(SplittableRandom r) {
        return new java.math.BigDecimal(r.nextInt(-5000, 1_000_000)).movePointLeft(r.nextInt(7)).toPlainString();
    }

    @Test
    void shortGbkTextThatIsValidUtf8NeedsTheCharsetOption() {
        String data = "ST=32;CN=2011;PW=1;MN=M1;Flag=4;CP=&&DataTime=20240101120000;Info=校准&&";
        byte[] frame = Frames.frame(data, Hj212Parser.GBK);
        InboundPacket detected = (InboundPacket) Frames.decodeOne(frame, ParserOptions.lenient());
        assertThat(detected.charset()).isEqualTo(StandardCharsets.UTF_8); // the known limit of detection
        assertThat(detected.packet().cp().param("Info")).isNotEqualTo("校准");
        InboundPacket told = (InboundPacket) Frames.decodeOne(frame, ParserOptions.lenient().withCharset(Hj212Parser.GBK));
        assertThat(told.charset()).isEqualTo(Hj212Parser.GBK);
        assertThat(told.packet().cp().param("Info")).isEqualTo("校准");
    }

    @Test
    void theWordsUsedAreNotValidUtf8InGbk() throws Exception {
        for (String w : WORDS) {
            byte[] gbk = w.getBytes(Hj212Parser.GBK);
            boolean validUtf8;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(gbk));
                validUtf8 = true;
            } catch (CharacterCodingException e) {
                validUtf8 = false;
            }
            assertThat(validUtf8).as(w).isFalse();
        }
    }
}
