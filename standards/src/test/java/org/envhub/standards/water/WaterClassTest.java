package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaterClassTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "I, I", "Ⅰ, I", "1, I", "Ⅰ类, I", "class II, II", "ii, II", "Ⅲ, III", "iv, IV", "5, V", "Ⅴ类, V",
            "劣V, 劣V", "劣Ⅴ, 劣V", "劣Ⅴ类, 劣V", "6, 劣V",
    })
    void readsTheWaysClassesAreWritten(String text, String label) {
        assertThat(WaterClass.parse(text).label()).isEqualTo(label);
    }

    @Test
    void refusesWhatIsNoClass() {
        assertThatThrownBy(() -> WaterClass.parse("VI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaterClass.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsAndQualities() {
        assertThat(WaterClass.WORSE_THAN_V.label()).isEqualTo("劣V");
        assertThat(WaterClass.WORSE_THAN_V.chineseLabel()).isEqualTo("劣Ⅴ");
        assertThat(WaterClass.III.chineseLabel()).isEqualTo("Ⅲ");
        assertThat(WaterClass.I.quality().label()).isEqualTo("优");
        assertThat(WaterClass.II.quality().label()).isEqualTo("优");
        assertThat(WaterClass.III.quality().label()).isEqualTo("良好");
        assertThat(WaterClass.IV.quality().label()).isEqualTo("轻度污染");
        assertThat(WaterClass.V.quality().label()).isEqualTo("中度污染");
        assertThat(WaterClass.WORSE_THAN_V.quality().label()).isEqualTo("重度污染");
        assertThat(WaterClass.III.isGoodWater()).isTrue();
        assertThat(WaterClass.IV.isGoodWater()).isFalse();
        assertThat(WaterClass.worse(WaterClass.II, WaterClass.IV)).isEqualTo(WaterClass.IV);
        assertThat(WaterClass.worse(null, WaterClass.II)).isEqualTo(WaterClass.II);
    }

    @Test
    void theTableHasTwentyOneEvaluatedItemsAndTheColumnNamesOfTheFiles() {
        assertThat(WaterItem.evaluatedItems()).hasSize(21).doesNotContain(WaterItem.TN, WaterItem.FECAL_COLIFORM);
        assertThat(WaterSampleReader.FULL_HEADER).isEqualTo("section,time,water_body,ph,do,codmn,cod,bod5,nh3n,tp,tn,cu,zn,f,se,"
                + "as,hg,cd,cr6,pb,cn,phenol,petroleum,las,sulfide,fecal_coliform");
        assertThat(WaterItem.byName("氨氮")).isEqualTo(WaterItem.NH3N);
        assertThat(WaterItem.byName("NH3-N")).isEqualTo(WaterItem.NH3N);
        assertThat(WaterItem.byName("temperature")).isNull();
    }

    @Test
    void limitsRiseFromClassOneToFiveAndDoFalls() {
        Gb3838Limits limits = WaterRuleSet.GB3838_2002.limits();
        for (WaterItem item : WaterItem.values()) {
            if (item == WaterItem.PH) {
                continue;
            }
            for (WaterBody body : WaterBody.values()) {
                for (int c = 2; c <= 5; c++) {
                    double better = limits.limit(item, WaterClass.ofNumber(c - 1), body);
                    double worse = limits.limit(item, WaterClass.ofNumber(c), body);
                    if (item.lowerBound()) {
                        assertThat(worse).as("%s %d", item, c).isLessThan(better);
                    } else {
                        assertThat(worse).as("%s %d", item, c).isGreaterThanOrEqualTo(better);
                    }
                }
            }
        }
        assertThat(limits.classIII(WaterItem.TP, WaterBody.LAKE)).isEqualTo(0.05);
        assertThat(limits.classIII(WaterItem.TP, WaterBody.RIVER)).isEqualTo(0.2);
        assertThatThrownBy(() -> limits.limit(WaterItem.PH, WaterClass.I, WaterBody.RIVER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WaterRuleSet.byId("GB3838-2002")).isEqualTo(WaterRuleSet.GB3838_2002);
        assertThat(WaterRuleSet.inForceOn(LocalDate.of(2024, 6, 1))).isEqualTo(WaterRuleSet.GB3838_2002);
        assertThatThrownBy(() -> WaterRuleSet.inForceOn(LocalDate.of(2001, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
