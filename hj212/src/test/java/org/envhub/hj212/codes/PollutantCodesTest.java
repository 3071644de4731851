package org.envhub.hj212.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.envhub.hj212.Factor;
import org.envhub.hj212.Frames;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.TestSupport;
import org.junit.jupiter.api.Test;

class PollutantCodesTest {

    private final PollutantCodes codes = PollutantCodes.standard();

    @Test
    void theRulebookPairsLookUpBothWays() {
        // standards.md E: 2017 code = 2005 code
        Map<String, String> rulebook = Map.of("a21026", "02", "a21002", "03", "a34013", "01", "a00000", "B02",
                "w01018", "011", "w21003", "060", "w01001", "001", "w00000", "B01");
        rulebook.forEach((c2017, c2005) -> {
            assertThat(codes.to2005(c2017)).as(c2017).contains(c2005);
            assertThat(codes.to2017(c2005)).as(c2005).contains(c2017);
            assertThat(codes.lookup(c2005)).isEqualTo(codes.lookup(c2017));
            assertThat(codes.by2017(c2017).orElseThrow().nameZh()).isNotBlank();
            assertThat(codes.by2017(c2017).orElseThrow().confirmed()).isTrue();
        });
        assertThat(codes.by2017("a21026").orElseThrow().nameZh()).isEqualTo("二氧化硫");
        assertThat(codes.by2005("011").orElseThrow().unit()).isEqualTo("mg/L");
    }

    @Test
    void theAmbientAirCodesAreThere() {
        for (String c : new String[] {"a21026", "a21004", "a21005", "a05024", "a34002", "a34004"}) {
            PollutantCode p = codes.by2017(c).orElseThrow(() -> new AssertionError(c));
            assertThat(p.nameZh()).as(c).isNotBlank();
            assertThat(p.unit()).as(c).isNotBlank();
        }
        assertThat(codes.by2017("a21005").orElseThrow().unit()).isEqualTo("mg/m³"); // CO is the one in mg/m³
        assertThat(codes.by2017("a34004").orElseThrow().unit()).isEqualTo("µg/m³");
    }

    @Test
    void everyFactorCodeOfTheRealTrafficIsInTheTable() {
        Set<String> seen = new TreeSet<>();
        for (Object o : Frames.decode(TestSupport.traffic())) {
            if (o instanceof InboundPacket p) {
                p.packet().cp().factors().stream().map(Factor::code).forEach(seen::add);
            }
        }
        assertThat(seen).hasSizeGreaterThan(20);
        for (String c : seen) {
            assertThat(codes.lookup(c)).as("code %s from the traffic", c).isPresent();
        }
        System.out.println("HJ 212 factor codes in the real traffic: " + seen);
    }

    @Test
    void noCodeIsListedTwiceAndBadTablesAreRefused() throws IOException {
        assertThat(codes.all()).hasSizeGreaterThan(40);
        String dup = "a21026,02,二氧化硫,SO2,mg/m³,kg,flue-gas,rulebook,\na21026,99,x,x,,,flue-gas,uncertain,\n";
        assertThatThrownBy(() -> PollutantCodes.read(new ByteArrayInputStream(dup.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("a21026");
        assertThatThrownBy(() -> PollutantCodes.read(new ByteArrayInputStream("a,b,c\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
        PollutantCodes one = PollutantCodes.read(new ByteArrayInputStream(
                "# comment\nw01018,011,化学需氧量,COD,mg/L,kg,water,rulebook,note, with comma\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(one.by2005("011").orElseThrow().note()).isEqualTo("note, with comma");
    }
}
