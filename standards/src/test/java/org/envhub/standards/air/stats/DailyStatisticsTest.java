package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.junit.jupiter.api.Test;

class DailyStatisticsTest {

    private static final LocalDate D = LocalDate.of(2023, 7, 10);
    private static final DailyOptions DEFAULTS = DailyOptions.defaults();

    /** Grid over natural days D-1, D, D+1; day D is hours 24..47. */
    private static HourlyGrid threeDays() {
        return Grids.hourlyFrom(D.minusDays(1), 3, "S");
    }

    private static double daily(HourlyGrid grid, DailyOptions options, DailyStatistic statistic, LocalDate day) {
        DailyGrid daily = DailyStatistics.compute(grid, options);
        return daily.value(statistic, 0, daily.indexOf(day));
    }

    @Test
    void theNaturalDayEndsWithTheHourLabelledMidnightOfTheNextDay() {
        HourlyGrid grid = threeDays();
        Grids.fill(grid, "S", Pollutant.SO2, D.minusDays(1).atTime(1, 0), D.plusDays(2).atStartOfDay(), 10);
        grid.set(Pollutant.SO2, 0, grid.indexOf(D.plusDays(1).atStartOfDay()), 34); // label D+1 00:00: last hour of D
        grid.set(Pollutant.SO2, 0, grid.indexOf(D.atStartOfDay()), 1000);          // label D 00:00: last hour of D-1

        DailyGrid daily = DailyStatistics.compute(grid, DEFAULTS);

        assertThat(daily.firstDay()).isEqualTo(D.minusDays(1));
        assertThat(daily.days()).isEqualTo(3);
        // D: (23 × 10 + 34) / 24 = 264 / 24 = 11
        assertThat(daily.value(DailyStatistic.SO2, 0, 1)).isCloseTo(11, within(1e-12));
        // D-1: (23 × 10 + 1000) / 24 = 1230 / 24 = 51.25
        assertThat(daily.value(DailyStatistic.SO2, 0, 0)).isCloseTo(51.25, within(1e-12));
        assertThat(DailyStatistics.naturalDayOf(D.atStartOfDay())).isEqualTo(D.minusDays(1));
        assertThat(DailyStatistics.naturalDayOf(D.atTime(1, 0))).isEqualTo(D);
    }

    @Test
    void aDayTheGridCoversOnlyInPartIsComputedAndUsuallyInvalid() {
        // First label D 00:00: that hour closes day D-1, so the grid touches D-1 with one hour.
        HourlyGrid grid = new HourlyGrid(D.atStartOfDay(), 25, List.of("S"));
        java.util.Arrays.fill(grid.values(Pollutant.NO2, 0), 40);

        DailyGrid daily = DailyStatistics.compute(grid, DEFAULTS);

        assertThat(daily.firstDay()).isEqualTo(D.minusDays(1));
        assertThat(daily.days()).isEqualTo(2);
        assertThat(daily.value(DailyStatistic.NO2, 0, 0)).isNaN();          // 1 hour < 20
        assertThat(daily.value(DailyStatistic.NO2, 0, 1)).isEqualTo(40.0);  // 24 hours
    }

    @Test
    void aDailyMeanNeedsTwentyValidHours() {
        HourlyGrid twenty = threeDays();
        HourlyGrid nineteen = threeDays();
        for (int i = 0; i < 20; i++) {
            twenty.set(Pollutant.PM25, 0, twenty.dayStart(D) + i, i + 1);  // 1..20
            if (i < 19) {
                nineteen.set(Pollutant.PM25, 0, nineteen.dayStart(D) + i, i + 1);  // 1..19
            }
        }
        // 1..20: 210 / 20 = 10.5
        assertThat(daily(twenty, DEFAULTS, DailyStatistic.PM25, D)).isCloseTo(10.5, within(1e-12));
        assertThat(daily(nineteen, DEFAULTS, DailyStatistic.PM25, D)).isNaN();
        // With the minimum lowered to 19: 190 / 19 = 10
        assertThat(daily(nineteen, DEFAULTS.withMinHoursPerDailyMean(19), DailyStatistic.PM25, D)).isCloseTo(10, within(1e-12));
    }

    @Test
    void anEightHourMeanNeedsSixValidHoursAndAveragesThoseItHas() {
        double nan = Double.NaN;
        double[] six = {10, 20, 30, 40, 50, 60, nan, nan};
        double[] five = {10, 20, 30, 40, 50, nan, nan, nan};
        // (10 + 20 + … + 60) / 6 = 210 / 6 = 35
        assertThat(DailyStatistics.eightHourMean(six, 7, 6)).isCloseTo(35, within(1e-12));
        assertThat(DailyStatistics.eightHourMean(five, 7, 6)).isNaN();
        // An index before the array start counts as missing: window ending at 5 has hours 0..5 only.
        assertThat(DailyStatistics.eightHourMean(six, 5, 6)).isCloseTo(35, within(1e-12));
        assertThat(DailyStatistics.eightHourMean(six, 4, 6)).isNaN();
    }

    /** O3 valid at the first {@code hours} hours of day D, all at {@code value}. */
    private static HourlyGrid ozoneFirstHours(int hours, double value) {
        HourlyGrid grid = threeDays();
        for (int i = 0; i < hours; i++) {
            grid.set(Pollutant.O3, 0, grid.dayStart(D) + i, value);
        }
        return grid;
    }

    @Test
    void mda8NeedsFourteenValidWindows() {
        // Hours valid at offsets 0..m-1: the window ending at offset e (7..23) holds min(8, m-e+7) valid
        // hours, so it is valid for e ≤ m+1, which gives m-5 valid windows.
        // m = 19: windows ending 7..20 = 14 valid; m = 18: 7..19 = 13 valid.
        assertThat(daily(ozoneFirstHours(19, 100), DEFAULTS, DailyStatistic.O3_MAX_8H, D)).isEqualTo(100.0);
        assertThat(daily(ozoneFirstHours(18, 100), DEFAULTS, DailyStatistic.O3_MAX_8H, D)).isNaN();
    }

    @Test
    void mda8WithTooFewWindowsCountsWhenItExceeds160() {
        assertThat(daily(ozoneFirstHours(18, 170), DEFAULTS, DailyStatistic.O3_MAX_8H, D)).isEqualTo(170.0);
        // 160 does not exceed 160.
        assertThat(daily(ozoneFirstHours(18, 160), DEFAULTS, DailyStatistic.O3_MAX_8H, D)).isNaN();
        assertThat(daily(ozoneFirstHours(18, 170), DEFAULTS.withKeepsExceedingMda8(false), DailyStatistic.O3_MAX_8H, D)).isNaN();
    }

    @Test
    void mda8TakesTheLargestWindowOfTheDay() {
        HourlyGrid grid = threeDays();
        Grids.fill(grid, "S", Pollutant.O3, D.atTime(1, 0), D.plusDays(1).atStartOfDay(), 60);
        // Labels 13:00..16:00 at 180: the best window holds them and four hours of 60:
        // (4 × 180 + 4 × 60) / 8 = 960 / 8 = 120.
        Grids.fill(grid, "S", Pollutant.O3, D.atTime(13, 0), D.atTime(16, 0), 180);
        assertThat(daily(grid, DEFAULTS, DailyStatistic.O3_MAX_8H, D)).isCloseTo(120, within(1e-12));
        assertThat(daily(grid, DEFAULTS, DailyStatistic.O3_MAX_1H, D)).isEqualTo(180.0);
    }

    /** Previous evening (labels D-1 18:00 … D 00:00) at 200, the whole of day D at 50. */
    private static HourlyGrid highPreviousEvening(LocalDate day) {
        HourlyGrid grid = Grids.hourlyFrom(day.minusDays(1), 2, "S");
        Grids.fill(grid, "S", Pollutant.O3, day.minusDays(1).atTime(18, 0), day.atStartOfDay(), 200);
        Grids.fill(grid, "S", Pollutant.O3, day.atTime(1, 0), day.plusDays(1).atStartOfDay(), 50);
        return grid;
    }

    @Test
    void the2026WindowOptionLetsEarlyWindowsReachBackIntoThePreviousEvening() {
        LocalDate day2026 = LocalDate.of(2026, 3, 10);
        DailyOptions reachingBack = DEFAULTS.withMda8Window2026(Mda8Window.REACHING_BACK);

        // Default (WITHIN_DAY): only the day's own hours, all 50.
        assertThat(daily(highPreviousEvening(day2026), DEFAULTS, DailyStatistic.O3_MAX_8H, day2026)).isEqualTo(50.0);
        // REACHING_BACK: the window ending D 01:00 holds 7 hours of 200 and one of 50:
        // (7 × 200 + 50) / 8 = 1450 / 8 = 181.25.
        assertThat(daily(highPreviousEvening(day2026), reachingBack, DailyStatistic.O3_MAX_8H, day2026))
                .isCloseTo(181.25, within(1e-12));

        // The option belongs to hj633-2026: under auto a 2025 day keeps the 2012 windows.
        LocalDate day2025 = LocalDate.of(2025, 3, 10);
        assertThat(daily(highPreviousEvening(day2025), reachingBack, DailyStatistic.O3_MAX_8H, day2025)).isEqualTo(50.0);
        // … unless the rules are fixed to hj633-2026.
        assertThat(daily(highPreviousEvening(day2025), reachingBack.withRules(RuleChoice.of(AqiRuleSet.HJ633_2026)),
                DailyStatistic.O3_MAX_8H, day2025)).isCloseTo(181.25, within(1e-12));
    }

    @Test
    void reachingBackNeedsTwentyOfItsTwentyFourWindows() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        DailyOptions reachingBack = DEFAULTS.withMda8Window2026(Mda8Window.REACHING_BACK);
        // The whole day valid, j hours of the previous evening valid: the window ending at offset e < 7
        // holds e + 1 + min(j, 7 - e) valid hours, valid when that is ≥ 6.
        // j = 0: valid for e ≥ 5, so 19 windows (5..23); j = 1 (label D 00:00): e ≥ 4, so 20 windows.
        HourlyGrid nineteen = Grids.hourlyFrom(day.minusDays(1), 2, "S");
        Grids.fill(nineteen, "S", Pollutant.O3, day.atTime(1, 0), day.plusDays(1).atStartOfDay(), 90);
        HourlyGrid twenty = Grids.hourlyFrom(day.minusDays(1), 2, "S");
        Grids.fill(twenty, "S", Pollutant.O3, day.atStartOfDay(), day.plusDays(1).atStartOfDay(), 90);

        assertThat(daily(twenty, reachingBack, DailyStatistic.O3_MAX_8H, day)).isEqualTo(90.0);
        assertThat(daily(nineteen, reachingBack, DailyStatistic.O3_MAX_8H, day)).isNaN();
        // The default within-day rule has all 17 windows valid in both.
        assertThat(daily(nineteen, DEFAULTS, DailyStatistic.O3_MAX_8H, day)).isEqualTo(90.0);
    }

    @Test
    void o3MaxHourNeedsTwentyHoursUnlessItExceedsTheHourlyLimit() {
        HourlyGrid twenty = ozoneFirstHours(20, 100);
        twenty.set(Pollutant.O3, 0, twenty.dayStart(D) + 5, 150);
        assertThat(daily(twenty, DEFAULTS, DailyStatistic.O3_MAX_1H, D)).isEqualTo(150.0);

        HourlyGrid nineteen = ozoneFirstHours(19, 100);
        nineteen.set(Pollutant.O3, 0, nineteen.dayStart(D) + 5, 150);
        assertThat(daily(nineteen, DEFAULTS, DailyStatistic.O3_MAX_1H, D)).isNaN();
        assertThat(daily(nineteen, DEFAULTS.withO3MaxHour(1, true), DailyStatistic.O3_MAX_1H, D)).isEqualTo(150.0);

        // 210 exceeds the O3 1h limit 200: more hours could only raise the max, so it stands.
        nineteen.set(Pollutant.O3, 0, nineteen.dayStart(D) + 5, 210);
        assertThat(daily(nineteen, DEFAULTS, DailyStatistic.O3_MAX_1H, D)).isEqualTo(210.0);
        assertThat(daily(nineteen, DEFAULTS.withO3MaxHour(20, false), DailyStatistic.O3_MAX_1H, D)).isNaN();
    }

    @Test
    void theOneSeriesVariantAgreesWithTheWholeGrid() {
        HourlyGrid grid = Grids.hourlyFrom(D, 2, "A", "B");
        java.util.Random random = new java.util.Random(7);
        for (Pollutant p : Pollutant.values()) {
            for (int s = 0; s < 2; s++) {
                double[] v = grid.values(p, s);
                for (int h = 0; h < v.length; h++) {
                    v[h] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(300);
                }
            }
        }
        DailyGrid all = DailyStatistics.compute(grid, DEFAULTS);
        DailyGrid onlyB = DailyStatistics.compute(grid, "B", DEFAULTS);
        assertThat(onlyB.series()).containsExactly("B");
        for (DailyStatistic statistic : DailyStatistic.values()) {
            assertThat(onlyB.values(statistic, 0)).containsExactly(all.values(statistic, 1));
        }
        // Day D was filled with numbers, so its values exist (proving the comparison compares something).
        assertThat(all.value(DailyStatistic.PM10, 1, 0)).isNotNaN();
    }

    @Test
    void aRangeOfDaysBeyondTheGridIsMissing() {
        HourlyGrid grid = Grids.hourlyFrom(D, 1, "S");
        java.util.Arrays.fill(grid.values(Pollutant.CO, 0), 1.5);
        DailyGrid daily = DailyStatistics.compute(grid, D.minusDays(1), D.plusDays(1), DEFAULTS);
        assertThat(daily.values(DailyStatistic.CO, 0)).containsExactly(Double.NaN, 1.5, Double.NaN);
    }

    @Test
    void optionsRejectImpossibleMinimums() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DEFAULTS.withMinHoursPerDailyMean(25))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Mda8Rule(Mda8Window.WITHIN_DAY, 18))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Mda8Window.WITHIN_DAY.windows()).isEqualTo(17);
        assertThat(Mda8Window.REACHING_BACK.windows()).isEqualTo(24);
    }
}
