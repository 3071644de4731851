package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Hj212CheckTest {

    private static final String EXAMPLE_DATA =
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";

    @Test
    void rulebookExampleChecksTo1C80() {
        byte[] data = EXAMPLE_DATA.getBytes(StandardCharsets.US_ASCII);
        assertThat(data).hasSize(101); // the example's declared length, 0101
        assertThat(Hj212Check.toHex(Hj212Check.compute(data))).isEqualTo("1C80");
    }

    @Test
    void tableVersionEqualsTheRulebookLoopOnRandomBytes() {
        Random rnd = new Random(212);
        for (int t = 0; t < 2000; t++) {
            byte[] b = new byte[rnd.nextInt(300)];
            rnd.nextBytes(b);
            assertThat(Hj212Check.compute(b)).isEqualTo(TestSupport.rulebookCheck(b, 0, b.length));
        }
    }

    @Test
    void eightBytesAtOnceEqualsTheRulebookLoopAtAnyOffsetAndLength() {
        Random rnd = new Random(2017);
        for (int t = 0; t < 3000; t++) {
            byte[] b = new byte[rnd.nextInt(10_020)];
            rnd.nextBytes(b);
            int off = b.length == 0 ? 0 : rnd.nextInt(Math.min(b.length, 20));
            int len = rnd.nextInt(b.length - off + 1);
            assertThat(Hj212Check.compute(b, off, len)).as("length %d at %d", len, off).isEqualTo(TestSupport.rulebookCheck(b, off, len));
        }
    }

    @Test
    void onlyTwoHundredFiftySixValuesArePossible() {
        Random rnd = new Random(7);
        Set<Integer> seen = new HashSet<>();
        for (int t = 0; t < 20000; t++) {
            byte[] b = new byte[1 + rnd.nextInt(40)];
            rnd.nextBytes(b);
            seen.add(Hj212Check.compute(b));
        }
        // 20,000 random inputs hit every possible value, and never a 257th
        assertThat(seen).hasSize(256);
    }

    @Test
    void modbusCrcIsTheCatalogueValueAndDiffersFromTheHj212Value() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // CRC-16/MODBUS check value from the CRC catalogue
        assertThat(Hj212Check.modbusCrc16(check, 0, check.length)).isEqualTo(0x4B37);
        byte[] data = EXAMPLE_DATA.getBytes(StandardCharsets.US_ASCII);
        assertThat(Hj212Check.modbusCrc16(data, 0, data.length)).isNotEqualTo(Hj212Check.compute(data));
    }

    @Test
    void verifyNamesEachKindOfCheckField() {
        byte[] data = EXAMPLE_DATA.getBytes(StandardCharsets.US_ASCII);
        assertThat(verify(data, Hj212Check.toHex(Hj212Check.compute(data)))).isEqualTo(Hj212Check.Match.STANDARD);
        assertThat(verify(data, "1c80")).isEqualTo(Hj212Check.Match.STANDARD_LOWER_CASE);
        String modbus = Hj212Check.toHex(Hj212Check.modbusCrc16(data, 0, data.length));
        assertThat(verify(data, modbus)).isEqualTo(Hj212Check.Match.MODBUS);
        assertThat(verify(data, modbus.toLowerCase())).isIn(Hj212Check.Match.MODBUS_LOWER_CASE, Hj212Check.Match.MODBUS);
        assertThat(verify(data, "1C81")).isEqualTo(Hj212Check.Match.MISMATCH);
        assertThat(verify(data, "1CG0")).isEqualTo(Hj212Check.Match.NOT_HEX);
    }

    private static Hj212Check.Match verify(byte[] data, String check) {
        byte[] frame = new byte[data.length + 4];
        System.arraycopy(data, 0, frame, 0, data.length);
        System.arraycopy(check.getBytes(StandardCharsets.US_ASCII), 0, frame, data.length, 4);
        return Hj212Check.verify(frame, 0, data.length, data.length);
    }
}
