package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.envhub.standards.air.AqiItem;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.RuleChoice;
import org.junit.jupiter.api.Test;

class DailyAqiTest {

    @Test
    void eachDayIsRatedByTheRuleSetInForceThatDayUnderAuto() {
        DailyGrid grid = new DailyGrid(LocalDate.of(2026, 2, 28), 2, List.of("S"));
        // Same concentrations both days; the other IAQIs stay below 50:
        // SO2 5 → 5, NO2 10 → 12.5 → 13, CO 0.5 → 12.5 → 13, PM10 40 → 40, O3 1h 50 → 15.6 → 16, MDA8 40 → 20.
        for (int d = 0; d < 2; d++) {
            Grids.day(grid, 0, d, 5, 10, 0.5, 40, 70, 50, 40);
        }
        DailyAqi aqi = DailyAqi.compute(grid, RuleChoice.AUTO);
        // 2026-02-28, hj633-2012: PM2.5 70 on 35..75 → 50 + 50 × 35/40 = 93.75 → 94
        assertThat(aqi.ruleSet(0)).isEqualTo(AqiRuleSet.HJ633_2012);
        assertThat(aqi.aqi(0, 0)).isEqualTo(94);
        // 2026-03-01, hj633-2026: PM2.5 70 on 60..115 → 100 + 50 × 10/55 = 109.09 → 110
        assertThat(aqi.ruleSet(1)).isEqualTo(AqiRuleSet.HJ633_2026);
        assertThat(aqi.aqi(0, 1)).isEqualTo(110);
        assertThat(aqi.result(0, 1).primary()).containsExactly(AqiItem.PM25);
    }

    @Test
    void aMissingItemFollowsTheRuleSet() {
        DailyGrid grid = new DailyGrid(LocalDate.of(2023, 1, 1), 1, List.of("S"));
        Grids.day(grid, 0, 0, 5, 10, 0.5, 40, 70, 50, Double.NaN);
        // 2012 text: NA; cnemc computes from what is there.
        assertThat(DailyAqi.compute(grid, RuleChoice.of(AqiRuleSet.HJ633_2012)).aqi(0, 0)).isEqualTo(AqiResult.MISSING);
        assertThat(DailyAqi.compute(grid, RuleChoice.of(AqiRuleSet.CNEMC)).aqi(0, 0)).isEqualTo(94);
    }

    @Test
    void aDustDayMayBeRatedWithoutTheParticulates() {
        DailyGrid grid = new DailyGrid(LocalDate.of(2023, 4, 1), 1, List.of("S"));
        // PM10 300 → 150 + 50 × 50/100 = 175; without PM the largest is MDA8 120 → 50 + 50 × 20/60 = 66.7 → 67.
        Grids.day(grid, 0, 0, 5, 10, 0.5, 300, 60, 150, 120);
        boolean[][] dust = {{true}};
        RuleChoice rules = RuleChoice.of(AqiRuleSet.HJ633_2012);
        assertThat(DailyAqi.compute(grid, rules).aqi(0, 0)).isEqualTo(175);
        DailyAqi withoutPm = DailyAqi.compute(grid, rules, dust);
        assertThat(withoutPm.aqi(0, 0)).isEqualTo(67);
        assertThat(withoutPm.ratedWithoutParticulates(0, 0)).isTrue();
        assertThat(withoutPm.result(0, 0).subIndex(AqiItem.PM10)).isEqualTo(AqiResult.MISSING);
    }
}
