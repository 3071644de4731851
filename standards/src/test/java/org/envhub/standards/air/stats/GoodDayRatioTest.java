package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.envhub.standards.air.AqiResult;
import org.junit.jupiter.api.Test;

class GoodDayRatioTest {

    private static final int NA = AqiResult.MISSING;
    private static final int[] AQI = {50, 100, 101, 201, 300, NA, 200, 35};

    @Test
    void goodDaysOverDaysWithAValidAqi() {
        GoodDayRatio all = GoodDayRatio.of(AQI, 0, AQI.length - 1);
        // good: 50, 100, 35 = 3; valid: 8 − 1 NA = 7 → 3/7 = 42.857…% → 42.9%
        assertThat(all.goodDays()).isEqualTo(3);
        assertThat(all.validDays()).isEqualTo(7);
        assertThat(all.percent()).isCloseTo(300.0 / 7, within(1e-12));
        assertThat(all.publishedPercent()).isEqualTo(42.9);
        // days 1..2 only: 100 good, 101 not → 50%
        assertThat(GoodDayRatio.of(AQI, 1, 2).percent()).isEqualTo(50.0);
        assertThat(GoodDayRatio.of(new int[] {NA}, 0, 0).percent()).isNaN();
    }

    @Test
    void heavyPollutionDaysAreAbove200() {
        // 201 and 300; 200 is 中度污染, not heavy.
        assertThat(HeavyPollutionDays.count(AQI, 0, AQI.length - 1)).isEqualTo(2);
        assertThat(HeavyPollutionDays.count(AQI, 5, 7)).isZero();
    }

    @Test
    void aRatioIsPublishedWithOneDecimal() {
        // 228 good days of 364 valid: 62.637…% → 62.6% (the figure Jinan published for 2023; the day
        // counts here are only one way to reach it).
        int[] aqi = new int[364];
        for (int d = 0; d < aqi.length; d++) {
            aqi[d] = d < 228 ? 80 : 120;
        }
        assertThat(GoodDayRatio.of(aqi, 0, 363).publishedPercent()).isEqualTo(62.6);
    }
}
