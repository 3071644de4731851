package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each deviation: recorded by name when lenient, the frame rejected in strict mode, accepted when allowed. */
class DeviationTest {

    private static final String HEAD = "QN=20240101120000000;ST=22;CN=2011;PW=123456;MN=MN0001;Flag=4;";
    private static final String CP = "CP=&&DataTime=20240101120000;a21026-Rtd=12.5,a21026-Flag=N&&";
    static final String CLEAN = HEAD + CP;

    @Test
    void aConformingPacketHasNoDeviationAndPassesStrictMode() {
        Object lenient = Frames.decodeOne(Frames.frame(CLEAN), ParserOptions.lenient());
        Object strict = Frames.decodeOne(Frames.frame(CLEAN), ParserOptions.strict());
        assertThat(lenient).isInstanceOf(InboundPacket.class);
        assertThat(((InboundPacket) lenient).deviations()).isEmpty();
        assertThat(strict).isEqualTo(lenient);
        Hj212Packet p = ((InboundPacket) lenient).packet();
        assertThat(p.qn()).isEqualTo("20240101120000000");
        assertThat(p.st()).isEqualTo("22");
        assertThat(p.version()).isEqualTo(PacketFlag.VERSION_2017);
        assertThat(p.cp().factor("a21026").rtd()).isEqualByComparingTo("12.5");
        assertThat(p.cp().factor("a21026").flag()).isEqualTo("N");
    }

    static Stream<Arguments> dataSegments() {
        return Stream.of(
                Arguments.of(Deviation.MISSING_QN, HEAD.replace("QN=20240101120000000;", "") + CP),
                Arguments.of(Deviation.BAD_QN, HEAD.replace("QN=20240101120000000", "QN=2024") + CP),
                Arguments.of(Deviation.MISSING_ST, HEAD.replace("ST=22;", "") + CP),
                Arguments.of(Deviation.BLANK_ST, HEAD.replace("ST=22", "ST=  ") + CP),
                Arguments.of(Deviation.BLANK_ST, HEAD.replace("ST=22", "ST=\0\0") + CP),
                Arguments.of(Deviation.BAD_ST, HEAD.replace("ST=22", "ST=3x") + CP),
                Arguments.of(Deviation.MISSING_PW, HEAD.replace("PW=123456;", "") + CP),
                Arguments.of(Deviation.MISSING_FLAG, HEAD.replace("Flag=4;", "") + CP),
                Arguments.of(Deviation.BAD_FLAG, HEAD.replace("Flag=4", "Flag=x") + CP),
                Arguments.of(Deviation.BAD_FLAG, HEAD.replace("Flag=4", "Flag=300") + CP),
                Arguments.of(Deviation.UNKNOWN_VERSION, HEAD.replace("Flag=4", "Flag=12") + CP),
                Arguments.of(Deviation.SPLIT_FLAG_MISMATCH, HEAD.replace("Flag=4", "Flag=6") + CP),
                Arguments.of(Deviation.SPLIT_FLAG_MISMATCH, HEAD + "PNUM=2;PNO=1;" + CP),
                Arguments.of(Deviation.BAD_PACKET_NUMBER, HEAD.replace("Flag=4", "Flag=6") + "PNUM=2;PNO=3;" + CP),
                Arguments.of(Deviation.BAD_PACKET_NUMBER, HEAD.replace("Flag=4", "Flag=6") + "PNUM=x;PNO=1;" + CP),
                Arguments.of(Deviation.UNKNOWN_HEADER_FIELD, HEAD + "Foo=1;" + CP),
                Arguments.of(Deviation.NON_STANDARD_CN, HEAD.replace("CN=2011", "CN=8013") + "CP=&&HeartbeatTime=120&&"),
                Arguments.of(Deviation.MALFORMED_ITEM, HEAD + CP.replace("&&DataTime", "&&junk;DataTime")),
                Arguments.of(Deviation.MALFORMED_ITEM, HEAD.replace("Flag=4;", "Flag=4") + CP),
                Arguments.of(Deviation.EMPTY_ITEM, HEAD + CP.replace("=N&&", "=N;&&")),
                Arguments.of(Deviation.EMPTY_ITEM, HEAD + CP.replace(";a21026", ";;a21026")),
                Arguments.of(Deviation.CP_UNTERMINATED, HEAD + CP.replace("=N&&", "=N")),
                Arguments.of(Deviation.TRAILING_DATA, HEAD + CP + "xyz"),
                Arguments.of(Deviation.REPEATED_KEY, HEAD + CP.replace("=N&&", "=N;a21026-Rtd=12.5&&")),
                Arguments.of(Deviation.REPEATED_KEY, HEAD + "ST=22;" + CP),
                Arguments.of(Deviation.CONFLICTING_KEY, HEAD + "QN=20240101120000001;" + CP),
                Arguments.of(Deviation.CONFLICTING_KEY, HEAD + CP.replace("=N&&", "=N;DataTime=20240101120500&&")),
                Arguments.of(Deviation.REPEATED_FLAG, HEAD + CP.replace("=N&&", "=N;a21026-ZsRtd=14.1,a21026-Flag=D&&")),
                Arguments.of(Deviation.REPEATED_FACTOR, HEAD + CP.replace("=N&&", "=N;a21026-Rtd=13.0&&")),
                Arguments.of(Deviation.DATATIME_17_DIGITS, HEAD + CP.replace("DataTime=20240101120000", "DataTime=20240101120000000")),
                Arguments.of(Deviation.BAD_DATATIME, HEAD + CP.replace("DataTime=20240101120000", "DataTime=20241301120000")),
                Arguments.of(Deviation.BAD_DATATIME, HEAD + CP.replace("DataTime=20240101120000", "DataTime=2024-01-01")),
                Arguments.of(Deviation.MISSING_DATATIME, HEAD + CP.replace("DataTime=20240101120000;", "")),
                Arguments.of(Deviation.NON_NUMERIC_VALUE, HEAD + CP.replace("Rtd=12.5", "Rtd=12.5x")),
                Arguments.of(Deviation.EMPTY_VALUE, HEAD + CP.replace("Rtd=12.5", "Rtd=")),
                Arguments.of(Deviation.NON_STANDARD_FIELD, HEAD + CP.replace("=N&&", "=N,a21026-ZsCou=1.0&&")),
                Arguments.of(Deviation.NON_STANDARD_FIELD, HEAD + CP.replace("=N&&", "=N,a21026-ZsFlag=N&&")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dataSegments")
    void recordedWhenLenientRejectedWhenStrict(Deviation expected, String data) {
        byte[] frame = Frames.frame(data);
        Object lenient = Frames.decodeOne(frame, ParserOptions.lenient());
        assertThat(lenient).isInstanceOf(InboundPacket.class);
        InboundPacket p = (InboundPacket) lenient;
        assertThat(p.deviations()).contains(expected);
        assertThat(p.frame().contentEquals(java.util.Arrays.copyOf(frame, frame.length - 2))).isTrue();

        Object strict = Frames.decodeOne(frame, ParserOptions.strict());
        assertThat(strict).isInstanceOf(RejectedFrame.class);
        RejectedFrame r = (RejectedFrame) strict;
        assertThat(r.reason()).isEqualTo(RejectReason.STRICT_MODE);
        assertThat(r.deviations()).contains(expected);
        assertThat(r.detail()).contains(expected.name());

        Set<Deviation> found = EnumSet.copyOf(p.deviations());
        Deviation[] rest = found.stream().filter(d -> d != expected).toArray(Deviation[]::new);
        Object allowed = Frames.decodeOne(frame, ParserOptions.strict().allowing(expected, rest));
        assertThat(allowed).isEqualTo(lenient);
    }

    @Test
    void blankStIsReadAsNoSystemCode() {
        Hj212Packet p = packet(HEAD.replace("ST=22", "ST=\0\0") + CP);
        assertThat(p.st()).isNull();
    }

    @Test
    void aRepeatedFlagAfterAConvertedValueIsTheConvertedValuesFlag() {
        // as 2005 loggers send it: 02-Rtd=…,02-Flag=N;02-ZsRtd=…,02-Flag=D
        Hj212Packet p = packet(HEAD + "CP=&&DataTime=20240101120000;02-Rtd=12.8,02-Flag=N;02-ZsRtd=14.3,02-Flag=D&&");
        assertThat(p.cp().factors("02")).hasSize(1);
        Factor f = p.cp().factor("02");
        assertThat(f.flag()).isEqualTo("N");
        assertThat(f.zsFlag()).isEqualTo("D");
        assertThat(f.zsRtd()).isEqualByComparingTo("14.3");
    }

    @Test
    void aFactorSentAgainWithOtherValuesIsASecondOccurrence() {
        // seen in the real traffic: B01-Rtd three times (three flow meters under one code)
        Hj212Packet p = packet(HEAD + "CP=&&DataTime=20240101120000;B01-Rtd=13.47;060-Rtd=4.72,060-Flag=N;"
                + "B01-Rtd=16.34;B01-Rtd=0.00&&");
        assertThat(p.cp().factors("B01")).extracting(Factor::rtd).extracting(java.math.BigDecimal::toPlainString)
                .containsExactly("13.47", "16.34", "0.00");
        assertThat(p.cp().factor("B01").rtd()).isEqualByComparingTo("13.47");
        assertThat(p.cp().factors().stream().map(Factor::code)).containsExactly("B01", "060", "B01", "B01");
    }

    @Test
    void seventeenDigitDataTimeKeepsTheMilliseconds() {
        Hj212Packet p = packet(HEAD + CP.replace("DataTime=20240101120000", "DataTime=20240101120000123"));
        assertThat(p.cp().dataTime()).isEqualTo(java.time.LocalDateTime.of(2024, 1, 1, 12, 0, 0, 123_000_000));
        assertThat(p.cp().dataTimeText()).isEqualTo("20240101120000123");
    }

    @Test
    void unknownFieldsAndHeaderFieldsAreKeptAsExtras() {
        Hj212Packet p = packet(HEAD + "Foo=bar;" + CP.replace("=N&&", "=N,a21026-ZsCou=1.0&&"));
        assertThat(p.headerExtras()).containsEntry("Foo", "bar");
        assertThat(p.cp().factor("a21026").extras()).containsEntry("ZsCou", "1.0");
    }

    // --- framing deviations ------------------------------------------------------------------------------

    @Test
    void lowerCaseCheck() {
        String data = dataWithLetterInCheck();
        byte[] ok = Frames.frame(data);
        String check = new String(ok, ok.length - 6, 4, StandardCharsets.US_ASCII);
        byte[] lower = Frames.frame(Frames.ascii(data), data.length(), check.toLowerCase());
        assertFramingDeviation(lower, Deviation.LOWERCASE_CHECK);
    }

    @Test
    void modbusCrc() {
        byte[] data = Frames.ascii(CLEAN);
        String modbus = Hj212Check.toHex(Hj212Check.modbusCrc16(data, 0, data.length));
        assertFramingDeviation(Frames.frame(data, data.length, modbus), Deviation.MODBUS_CRC);
    }

    @Test
    void oversizeFrame() {
        StringBuilder cp = new StringBuilder("CP=&&DataTime=20240101120000");
        for (int i = 0; cp.length() < 1100; i++) {
            cp.append(";a").append(String.format("%05d", i)).append("-Rtd=1.000,a").append(String.format("%05d", i))
                    .append("-Flag=N");
        }
        String data = HEAD + cp + "&&";
        assertThat(data.length()).isGreaterThan(1024);
        InboundPacket p = assertFramingDeviation(Frames.frame(data), Deviation.OVERSIZE_FRAME);
        assertThat(p.packet().cp().factors().size()).isGreaterThan(30);
    }

    @Test
    void lengthCountedInCharacters() {
        String data = HEAD + "CP=&&DataTime=20240101120000;Info=设备正常运行&&";
        byte[] gbk = data.getBytes(Hj212Parser.GBK);
        assertThat(gbk.length).isGreaterThan(data.length());
        String check = Hj212Check.toHex(Hj212Check.compute(gbk));
        // declared length = number of characters, as some devices count
        byte[] frame = Frames.frame(gbk, data.length(), check);
        InboundPacket p = assertFramingDeviation(frame, Deviation.LENGTH_IN_CHARACTERS);
        assertThat(p.charset()).isEqualTo(Hj212Parser.GBK);
        assertThat(p.packet().cp().param("Info")).isEqualTo("设备正常运行");
        assertThat(p.frame().declaredLength()).isEqualTo(data.length());
        assertThat(p.frame().dataLength()).isEqualTo(gbk.length);
    }

    @Test
    void aWrongLengthThatIsNotTheCharacterCountIsStillRejected() {
        String data = HEAD + "CP=&&DataTime=20240101120000;Info=设备正常运行&&";
        byte[] gbk = data.getBytes(Hj212Parser.GBK);
        String check = Hj212Check.toHex(Hj212Check.compute(gbk));
        Object out = Frames.decodeOne(Frames.frame(gbk, data.length() - 1, check), ParserOptions.lenient());
        assertThat(out).isInstanceOf(RejectedFrame.class);
        assertThat(((RejectedFrame) out).reason()).isEqualTo(RejectReason.LENGTH_MISMATCH);
    }

    private static InboundPacket assertFramingDeviation(byte[] frame, Deviation expected) {
        Object lenient = Frames.decodeOne(frame, ParserOptions.lenient());
        assertThat(lenient).isInstanceOf(InboundPacket.class);
        InboundPacket p = (InboundPacket) lenient;
        assertThat(p.deviations()).contains(expected);
        assertThat(p.frame().deviations()).contains(expected);
        Object strict = Frames.decodeOne(frame, ParserOptions.strict());
        assertThat(strict).isInstanceOf(RejectedFrame.class);
        assertThat(((RejectedFrame) strict).reason()).isEqualTo(RejectReason.STRICT_MODE);
        assertThat(((RejectedFrame) strict).deviations()).contains(expected);
        return p;
    }

    /** A variant of the clean packet whose check value has a hex letter, so lower case shows. */
    private static String dataWithLetterInCheck() {
        for (int i = 0; ; i++) {
            String data = CLEAN.replace("MN=MN0001", "MN=MN" + (1000 + i));
            String hex = Hj212Check.toHex(Hj212Check.compute(Frames.ascii(data)));
            if (!hex.equals(hex.toLowerCase())) {
                return data;
            }
        }
    }

    static Hj212Packet packet(String data) {
        Object o = Frames.decodeOne(Frames.frame(data), ParserOptions.lenient());
        assertThat(o).isInstanceOf(InboundPacket.class);
        return ((InboundPacket) o).packet();
    }
}
