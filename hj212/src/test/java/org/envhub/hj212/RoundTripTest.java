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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Property(tries = 300)
    void encodeThenDecodeGivesTheSamePacket(@ForAll("packets") Hj212Packet p, @ForAll("charsets") Charset cs) {
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

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(Hj212Parser.GBK, StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<Hj212Packet> packets() {
        Arbitrary<String> qn = Arbitraries.strings().numeric().ofLength(17).injectNull(0.2);
        Arbitrary<String> st = Arbitraries.of("22", "31", "32", "91");
        Arbitrary<String> cn = Arbitraries.of("2011", "2051", "2061", "2031", "2072", "1062", "9014", "8013");
        Arbitrary<String> pw = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> mn = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(24);
        Arbitrary<PacketFlag> flag = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                .as((v, a) -> PacketFlag.of(v, false, a)).injectNull(0.2);
        return Combinators.combine(qn, st, cn, pw, mn, flag, cps())
                .as((q, s, c, w, m, f, cp) -> Hj212Packet.builder().qn(q).st(s).cn(c).pw(w).mn(m).flag(f).cp(cp).build());
    }

    private Arbitrary<Cp> cps() {
        Arbitrary<LocalDateTime> time = Arbitraries.integers().between(0, 10_000_000)
                .map(s -> LocalDateTime.of(2016, 1, 1, 0, 0).plusSeconds(s * 60L));
        Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l))
                .injectNull(0.5);
        Arbitrary<List<Factor>> factors = factor().list().ofMaxSize(12).uniqueElements(Factor::code);
        return Combinators.combine(time.injectNull(0.1), text, factors).as((t, x, fs) -> {
            Cp.Builder b = Cp.builder();
            if (t != null) {
                b.dataTime(t);
            }
            if (x != null) {
                b.param("Info", x);
            }
            fs.forEach(b::factor);
            return b.build();
        });
    }

    private Arbitrary<Factor> factor() {
        Arbitrary<String> code = Arbitraries.oneOf(
                Arbitraries.of("a21026", "a21002", "a34013", "a00000", "w01018", "w21003", "w01001", "w00000", "01", "02",
                        "B01", "B02", "S01"),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(1)
                        .flatMap(c -> Arbitraries.strings().numeric().ofLength(5).map(n -> c + n)));
        Arbitrary<String> number = Combinators.combine(Arbitraries.integers().between(-5000, 999_999),
                Arbitraries.integers().between(0, 6)).as((n, scale) -> new java.math.BigDecimal(n).movePointLeft(scale).toPlainString());
        Arbitrary<EnumSet<FactorField>> fields = Arbitraries.of(FactorField.values()).set().ofMinSize(1).ofMaxSize(8)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(FactorField.class) : EnumSet.copyOf(s));
        Arbitrary<String> flag = Arbitraries.of("N", "F", "M", "S", "D", "C", "T", "B");
        return Combinators.combine(code, fields, number.list().ofSize(FactorField.values().length), flag,
                Arbitraries.of(true, false)).as((c, fs, values, fl, extra) -> {
                    Factor.Builder b = Factor.builder(c);
                    List<String> vs = new ArrayList<>(values);
                    for (FactorField f : fs) {
                        b.set(f, f.numeric() ? vs.get(f.ordinal()) : f == FactorField.SAMPLE_TIME ? "20240101120000" : fl);
                    }
                    if (extra) {
                        b.extra("ZsCou", vs.get(0));
                    }
                    return b.build();
                });
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
