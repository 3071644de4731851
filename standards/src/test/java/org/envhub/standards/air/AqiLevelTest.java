package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AqiLevelTest {

    @ParameterizedTest(name = "AQI {0} → {1}")
    @CsvSource({
        "0, EXCELLENT", "50, EXCELLENT", "51, GOOD", "100, GOOD", "101, LIGHTLY_POLLUTED", "150, LIGHTLY_POLLUTED",
        "151, MODERATELY_POLLUTED", "200, MODERATELY_POLLUTED", "201, HEAVILY_POLLUTED", "300, HEAVILY_POLLUTED",
        "301, SEVERELY_POLLUTED", "500, SEVERELY_POLLUTED",
    })
    void levelBoundaries(int aqi, AqiLevel level) {
        assertThat(AqiLevel.of(aqi)).isEqualTo(level);
    }

    @Test
    void aMissingAqiHasNoLevel() {
        assertThat(AqiLevel.of(AqiResult.MISSING)).isNull();
    }

    @Test
    void gradesCategoriesAndOfficialColours() {
        assertThat(AqiLevel.values()).extracting(AqiLevel::grade).containsExactly("一级", "二级", "三级", "四级", "五级", "六级");
        assertThat(AqiLevel.values()).extracting(AqiLevel::category).containsExactly("优", "良", "轻度污染", "中度污染", "重度污染", "严重污染");
        assertThat(AqiLevel.values()).extracting(AqiLevel::hexColour)
                .containsExactly("#00E400", "#FFFF00", "#FF7E00", "#FF0000", "#99004C", "#7E0023");
        assertThat(AqiLevel.HEAVILY_POLLUTED.rgb()).containsExactly(153, 0, 76);
        assertThat(AqiLevel.SEVERELY_POLLUTED.number()).isEqualTo(6);
    }
}
