package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.envhub.standards.air.AirQualityStandard;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.Pollutant;
import org.junit.jupiter.api.Test;

class CompositeIndexTest {

    /** A month of constant daily values, so each period mean and percentile equals the constant. */
    private static PeriodStatistics month(double so2, double no2, double co, double pm10, double pm25, double mda8) {
        Period period = Period.month(YearMonth.of(2023, 5));
        DailyGrid grid = new DailyGrid(period.from(), period.days(), List.of("S"));
        Grids.constant(grid, 0, DailyStatistic.SO2, so2);
        Grids.constant(grid, 0, DailyStatistic.NO2, no2);
        Grids.constant(grid, 0, DailyStatistic.CO, co);
        Grids.constant(grid, 0, DailyStatistic.PM10, pm10);
        Grids.constant(grid, 0, DailyStatistic.PM25, pm25);
        Grids.constant(grid, 0, DailyStatistic.O3_MAX_1H, mda8);
        Grids.constant(grid, 0, DailyStatistic.O3_MAX_8H, mda8);
        return PeriodStatistics.compute(grid, 0, period, PeriodOptions.defaults());
    }

    @Test
    void singleIndicesCompositeAndPrimaryPollutant() {
        CompositeIndex i = CompositeIndex.of(month(9, 30, 1.2, 70, 38, 168), CompositeOptions.defaults());
        // SO2 9/60 = 0.15; NO2 30/40 = 0.75; CO 1.2/4 = 0.30; O3 168/160 = 1.05; PM10 70/70 = 1.00;
        // PM2.5 38/35 = 1.0857…
        assertThat(i.single(Pollutant.SO2)).isCloseTo(0.15, within(1e-12));
        assertThat(i.single(Pollutant.NO2)).isCloseTo(0.75, within(1e-12));
        assertThat(i.single(Pollutant.CO)).isCloseTo(0.30, within(1e-12));
        assertThat(i.single(Pollutant.O3)).isCloseTo(1.05, within(1e-12));
        assertThat(i.single(Pollutant.PM10)).isCloseTo(1.00, within(1e-12));
        assertThat(i.single(Pollutant.PM25)).isCloseTo(38.0 / 35, within(1e-12));
        assertThat(i.publishedSingle(Pollutant.PM25)).isEqualTo(1.09);
        // 0.15 + 0.75 + 0.30 + 1.05 + 1.00 + 1.0857 = 4.3357 → 4.34
        assertThat(i.value()).isCloseTo(3.25 + 38.0 / 35, within(1e-12));
        assertThat(i.published()).isEqualTo(4.34);
        assertThat(i.primary()).containsExactly(Pollutant.PM25);
        assertThat(i.complete()).isTrue();
    }

    @Test
    void tiedLargestSingleIndicesAreAllPrimary() {
        // PM10 70/70 = 1.00 and O3 160/160 = 1.00, the rest lower.
        CompositeIndex i = CompositeIndex.of(month(9, 30, 1.2, 70, 30, 160), CompositeOptions.defaults());
        assertThat(i.primary()).containsExactly(Pollutant.O3, Pollutant.PM10);
    }

    @Test
    void concentrationsAreRoundedAsPublishedFirstByDefault() {
        PeriodStatistics stats = month(9, 30, 1.2, 70, 38.4, 168);
        // Rounded: PM2.5 38 → 38/35 = 1.0857, composite 4.34 as above.
        assertThat(CompositeIndex.of(stats, CompositeOptions.defaults()).published()).isEqualTo(4.34);
        assertThat(CompositeIndex.of(stats, CompositeOptions.defaults()).concentration(Pollutant.PM25)).isEqualTo(38.0);
        // Unrounded: 38.4/35 = 1.0971, 3.25 + 1.0971 = 4.3471 → 4.35
        CompositeIndex full = CompositeIndex.of(stats, CompositeOptions.defaults().withRoundsConcentrations(false));
        assertThat(full.published()).isEqualTo(4.35);
    }

    @Test
    void theThirdPartyWeightingIsAnOptionNotTheDefault() {
        PeriodStatistics stats = month(9, 30, 1.2, 70, 38, 168);
        CompositeIndex weighted = CompositeIndex.of(stats, CompositeOptions.defaults().withWeighting(CompositeWeighting.PM25_3_NO2_2_O3_2));
        // 0.15 + 2 × 0.75 + 0.30 + 2 × 1.05 + 1.00 + 3 × 1.0857 = 5.05 + 3.2571 = 8.3071 → 8.31
        assertThat(weighted.published()).isEqualTo(8.31);
        assertThat(CompositeOptions.defaults().weighting()).isEqualTo(CompositeWeighting.EQUAL);
    }

    @Test
    void theDefaultLimitsAreThe2012OnesOfThe2018RankingRule() {
        PeriodStatistics stats = month(9, 30, 1.2, 70, 38, 168);
        CompositeIndex by2026 = CompositeIndex.of(stats, CompositeOptions.defaults().withLimits(AirQualityStandard.GB3095_2026_TRANSITION));
        // 2026 transition annual limits PM10 60, PM2.5 30: 0.15 + 0.75 + 0.30 + 1.05 + 70/60 + 38/30 = 4.6833 → 4.68
        assertThat(by2026.published()).isEqualTo(4.68);
        assertThat(CompositeOptions.defaults().limits()).isEqualTo(AirQualityStandard.GB3095_2012);
    }

    @Test
    void publishedValuesRoundHalfToEven() {
        assertThat(CompositeIndex.publish(4.585)).isEqualTo(4.58);
        assertThat(CompositeIndex.publish(4.595)).isEqualTo(4.60);
        assertThat(CompositeIndex.publish(4.5851)).isEqualTo(4.59);
    }

    @Test
    void aMissingPollutantLeavesNoIndex() {
        CompositeIndex i = CompositeIndex.of(month(Double.NaN, 30, 1.2, 70, 38, 168), CompositeOptions.defaults());
        assertThat(i.value()).isNaN();
        assertThat(i.complete()).isFalse();
        assertThat(i.primary()).containsExactly(Pollutant.PM25);
    }
}
