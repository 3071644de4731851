package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.Pollutant;
import org.junit.jupiter.api.Test;

class DustExclusionTest {

    private static final Period MARCH = Period.month(YearMonth.of(2023, 3));

    /** March 2023 for city 甲市 and station 1001A: PM10 100 and PM2.5 40, but 300 and 90 on 10–12 March; NO2 30. */
    private static DailyGrid march() {
        DailyGrid grid = new DailyGrid(MARCH.from(), 31, List.of("甲市", "1001A"));
        for (int s = 0; s < 2; s++) {
            Grids.constant(grid, s, DailyStatistic.PM10, 100);
            Grids.constant(grid, s, DailyStatistic.PM25, 40);
            Grids.constant(grid, s, DailyStatistic.NO2, 30);
            for (int d = 9; d <= 11; d++) {
                grid.set(DailyStatistic.PM10, s, d, 300);
                grid.set(DailyStatistic.PM25, s, d, 90);
                grid.set(DailyStatistic.NO2, s, d, 60);
            }
        }
        return grid;
    }

    private static String cityOf(String series) {
        return series.equals("1001A") ? "甲市" : series;
    }

    @Test
    void particulatesOfDustDaysLeaveTheStatistics() {
        DailyGrid grid = march();
        DustExclusion dust = DustExclusion.of(List.of(new DustPeriod("甲市", LocalDate.of(2023, 3, 10), LocalDate.of(2023, 3, 12))));
        boolean[][] mask = dust.mask(grid, DustExclusionTest::cityOf);
        assertThat(DustExclusion.count(mask)).isEqualTo(6); // 3 days × (the city and its station)

        DailyGrid assessed = DustExclusion.exclude(grid, mask);
        PeriodStatistics without = PeriodStatistics.compute(assessed, 0, MARCH, PeriodOptions.defaults());
        PeriodStatistics with = PeriodStatistics.compute(grid, 0, MARCH, PeriodOptions.defaults());

        // Measured: (28 × 100 + 3 × 300) / 31 = 3700 / 31 = 119.35; dust days left out: 100.
        assertThat(with.mean(Pollutant.PM10)).isCloseTo(3700.0 / 31, within(1e-9));
        assertThat(without.mean(Pollutant.PM10)).isEqualTo(100.0);
        assertThat(without.mean(Pollutant.PM25)).isEqualTo(40.0);
        assertThat(without.validDays(DailyStatistic.PM10)).isEqualTo(28);       // still ≥ 27: complete
        assertThat(without.isComplete(DailyStatistic.PM10)).isTrue();
        // The gases stay: (28 × 30 + 3 × 60) / 31 = 1020 / 31
        assertThat(without.mean(Pollutant.NO2)).isCloseTo(1020.0 / 31, within(1e-9));
        // The original grid is unchanged.
        assertThat(grid.value(DailyStatistic.PM10, 0, 10)).isEqualTo(300.0);

        // And so do the single indices: PM10 119 → 100 and PM2.5 (28 × 40 + 3 × 90)/31 = 44.8 → 45 → 40.
        CompositeIndex measured = CompositeIndex.of(with, CompositeOptions.defaults());
        CompositeIndex excluded = CompositeIndex.of(without, CompositeOptions.defaults());
        assertThat(measured.concentration(Pollutant.PM10)).isEqualTo(119.0);
        assertThat(excluded.concentration(Pollutant.PM10)).isEqualTo(100.0);
        assertThat(excluded.concentration(Pollutant.PM25)).isEqualTo(40.0);
        assertThat(measured.concentration(Pollutant.PM25)).isEqualTo(45.0);
        assertThat(excluded.single(Pollutant.PM10)).isCloseTo(100.0 / 70, within(1e-12));
    }

    @Test
    void aPeriodNamingAStationCoversThatStationOnly() {
        DailyGrid grid = march();
        DustExclusion dust = DustExclusion.of(List.of(new DustPeriod("1001A", LocalDate.of(2023, 3, 10), LocalDate.of(2023, 3, 10))));
        boolean[][] mask = dust.mask(grid, DustExclusionTest::cityOf);
        assertThat(mask[0][9]).isFalse();
        assertThat(mask[1][9]).isTrue();
        assertThat(mask[1][10]).isFalse();
    }

    @Test
    void noPeriodsNoExclusion() {
        assertThat(DustExclusion.NONE.isEmpty()).isTrue();
        boolean[][] mask = DustExclusion.NONE.mask(march(), DustExclusionTest::cityOf);
        assertThat(DustExclusion.count(mask)).isZero();
    }
}
