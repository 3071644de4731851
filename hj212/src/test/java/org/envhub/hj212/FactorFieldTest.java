package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactorFieldTest {

    @Test
    void theAllocationFreeLookUpAgreesWithTheSwitch() {
        for (FactorField f : FactorField.values()) {
            String inContext = "a21026-" + f.key() + "=1";
            assertThat(FactorField.byKey(Frames.ascii(inContext), 7, 7 + f.key().length())).isEqualTo(f);
            assertThat(FactorField.byKey(f.key())).isEqualTo(f);
        }
        for (String other : List.of("Rtx", "ZsCou", "Mxx", "Axg", "RQ", "Flug", "ZsRtx", "EFlax", "SampleTimes", "", "X",
                "rtd", "ZsAva", "Infx", "UpValux", "LowValux", "ZsFlax", "R\u00e9d", "Fl\u00e0g")) {
            assertThat(FactorField.byKey(Frames.ascii(other), 0, other.length())).as(other).isNull();
            assertThat(FactorField.byKey(other)).as(other).isNull();
        }
    }
}
