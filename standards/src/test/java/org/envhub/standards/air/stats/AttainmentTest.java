package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.envhub.standards.air.AirQualityStandard;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.Pollutant;
import org.junit.jupiter.api.Test;

class AttainmentTest {

    /** A full calendar year with every daily statistic constant. */
    private static PeriodStatistics year(int year, double so2, double no2, double co, double pm10, double pm25, double mda8) {
        Period period = Period.year(year);
        DailyGrid grid = new DailyGrid(period.from(), period.days(), List.of("S"));
        Grids.constant(grid, 0, DailyStatistic.SO2, so2);
        Grids.constant(grid, 0, DailyStatistic.NO2, no2);
        Grids.constant(grid, 0, DailyStatistic.CO, co);
        Grids.constant(grid, 0, DailyStatistic.PM10, pm10);
        Grids.constant(grid, 0, DailyStatistic.PM25, pm25);
        Grids.constant(grid, 0, DailyStatistic.O3_MAX_1H, mda8 + 20);
        Grids.constant(grid, 0, DailyStatistic.O3_MAX_8H, mda8);
        return PeriodStatistics.compute(grid, 0, period, PeriodOptions.defaults());
    }

    @Test
    void eachStatisticAgainstItsLimitWithTheExceedanceMultiple() {
        // 2023, GB 3095-2012: PM2.5 36 > 35 (annual mean and P95 36 ≤ 75), MDA8 P90 168 > 160, the rest below.
        Attainment a = Attainment.evaluate(year(2023, 9, 30, 1.2, 70, 36, 168));
        assertThat(a.standard()).isEqualTo(AirQualityStandard.GB3095_2012);

        Attainment.PollutantAttainment pm25 = a.of(Pollutant.PM25);
        assertThat(pm25.status()).isEqualTo(Attainment.Status.EXCEEDS);
        assertThat(pm25.checks()).extracting(Attainment.Check::statistic)
                .containsExactly(PeriodStatistic.PM25_MEAN, PeriodStatistic.PM25_P95);
        // (36 − 35) / 35 = 0.028571…
        assertThat(pm25.checks().get(0).exceedanceMultiple()).isCloseTo(1.0 / 35, within(1e-12));
        assertThat(pm25.checks().get(0).exceeds()).isTrue();
        // (36 − 75) / 75 = −0.52: below the daily limit
        assertThat(pm25.checks().get(1).exceedanceMultiple()).isCloseTo(-0.52, within(1e-12));
        assertThat(pm25.checks().get(1).exceeds()).isFalse();
        assertThat(pm25.exceedanceMultiple()).isCloseTo(1.0 / 35, within(1e-12));

        // O3: (168 − 160) / 160 = 0.05
        assertThat(a.of(Pollutant.O3).status()).isEqualTo(Attainment.Status.EXCEEDS);
        assertThat(a.of(Pollutant.O3).checks().get(0).exceedanceMultiple()).isCloseTo(0.05, within(1e-12));
        // PM10 70 is at its limit 70: at or below meets.
        assertThat(a.of(Pollutant.PM10).status()).isEqualTo(Attainment.Status.MEETS);
        assertThat(a.of(Pollutant.CO).status()).isEqualTo(Attainment.Status.MEETS);
        assertThat(a.exceeding()).containsExactly(Pollutant.O3, Pollutant.PM25);
        assertThat(a.meetsAll()).isFalse();
    }

    @Test
    void aPollutantExceedsWhenOnlyItsPercentileExceeds() {
        Period period = Period.year(2023);
        DailyGrid grid = new DailyGrid(period.from(), period.days(), List.of("S"));
        Grids.constant(grid, 0, DailyStatistic.NO2, 30);
        // NO2 30 with 8 days at 300: mean (357 × 30 + 8 × 300) / 365 = 13110 / 365 = 35.9 ≤ 40, but
        // P98: k = 1 + 364 × 0.98 = 357.72 → X(357) = 30 (the last of the 357 thirties), X(358) = 300:
        // 30 + 270 × 0.72 = 224.4 > 80.
        for (int d = 0; d < 8; d++) {
            grid.set(DailyStatistic.NO2, 0, d, 300);
        }
        PeriodStatistics stats = PeriodStatistics.compute(grid, 0, period, PeriodOptions.defaults());
        assertThat(stats.mean(Pollutant.NO2)).isCloseTo(13110.0 / 365, within(1e-9));
        assertThat(stats.percentile(Pollutant.NO2)).isCloseTo(224.4, within(1e-9));
        Attainment.PollutantAttainment no2 = Attainment.evaluate(stats).of(Pollutant.NO2);
        assertThat(no2.checks().get(0).exceeds()).isFalse();
        assertThat(no2.checks().get(1).exceeds()).isTrue();
        assertThat(no2.status()).isEqualTo(Attainment.Status.EXCEEDS);
    }

    @Test
    void roundedValuesAreComparedByDefault() {
        // PM2.5 35.4 is published as 35: meets under 修约值比较法, exceeds under 全数值比较法.
        PeriodStatistics stats = year(2023, 9, 30, 1.2, 70, 35.4, 150);
        assertThat(Attainment.evaluate(stats).of(Pollutant.PM25).status()).isEqualTo(Attainment.Status.MEETS);
        assertThat(Attainment.evaluate(stats, AirQualityStandard.GB3095_2012, LimitComparison.FULL_VALUE)
                .of(Pollutant.PM25).status()).isEqualTo(Attainment.Status.EXCEEDS);
        // 35.5 rounds half to even to 36: exceeds either way.
        assertThat(Attainment.evaluate(year(2023, 9, 30, 1.2, 70, 35.5, 150)).of(Pollutant.PM25).status())
                .isEqualTo(Attainment.Status.EXCEEDS);
    }

    @Test
    void thePeriodIsJudgedByTheStandardInForceOnItsLastDay() {
        // PM2.5 32: meets GB 3095-2012 (35) in 2025, exceeds the 2026 transition limit (30) in 2026.
        Attainment y2025 = Attainment.evaluate(year(2025, 9, 30, 1.2, 60, 32, 150));
        Attainment y2026 = Attainment.evaluate(year(2026, 9, 30, 1.2, 60, 32, 150));
        assertThat(y2025.standard()).isEqualTo(AirQualityStandard.GB3095_2012);
        assertThat(y2026.standard()).isEqualTo(AirQualityStandard.GB3095_2026_TRANSITION);
        assertThat(y2025.of(Pollutant.PM25).status()).isEqualTo(Attainment.Status.MEETS);
        assertThat(y2026.of(Pollutant.PM25).status()).isEqualTo(Attainment.Status.EXCEEDS);
        // (32 − 30) / 30
        assertThat(y2026.of(Pollutant.PM25).checks().get(0).exceedanceMultiple()).isCloseTo(2.0 / 30, within(1e-12));
        // The caller may name the standard.
        assertThat(Attainment.evaluate(year(2026, 9, 30, 1.2, 60, 32, 150), AirQualityStandard.GB3095_2012,
                LimitComparison.ROUNDED_VALUE).of(Pollutant.PM25).status()).isEqualTo(Attainment.Status.MEETS);
    }

    @Test
    void incompleteDataIsNotAssessed() {
        Period period = Period.year(2023);
        DailyGrid grid = new DailyGrid(period.from(), period.days(), List.of("S"));
        Grids.constant(grid, 0, DailyStatistic.CO, 5);   // would exceed 4 …
        for (int d = 300; d < 365; d++) {
            grid.set(DailyStatistic.CO, 0, d, Double.NaN); // … but only 300 days < 324
        }
        Attainment a = Attainment.evaluate(PeriodStatistics.compute(grid, 0, period, PeriodOptions.defaults()));
        assertThat(a.of(Pollutant.CO).status()).isEqualTo(Attainment.Status.NOT_ASSESSED);
        assertThat(a.of(Pollutant.CO).checks().get(0).exceeds()).isTrue();
        assertThat(a.of(Pollutant.SO2).status()).isEqualTo(Attainment.Status.NOT_ASSESSED); // no data at all
    }
}
