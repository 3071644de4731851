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

class PeriodStatisticsTest {

    private static final PeriodOptions DEFAULTS = PeriodOptions.defaults();

    /** A 2023 daily grid (365 days), PM2.5 valid on every day at 30. */
    private static DailyGrid year2023() {
        DailyGrid grid = new DailyGrid(LocalDate.of(2023, 1, 1), 365, List.of("S"));
        Grids.constant(grid, 0, DailyStatistic.PM25, 30);
        return grid;
    }

    /** Leaves only the first {@code keep} days of {@code month} valid. */
    private static void keepInMonth(DailyGrid grid, YearMonth month, int keep) {
        for (int day = keep + 1; day <= month.lengthOfMonth(); day++) {
            grid.set(DailyStatistic.PM25, 0, grid.indexOf(month.atDay(day)), Double.NaN);
        }
    }

    private static Completeness yearCompleteness(DailyGrid grid) {
        return PeriodStatistics.compute(grid, 0, Period.year(2023), DEFAULTS).completeness(DailyStatistic.PM25);
    }

    @Test
    void aYearNeeds324DailyValues() {
        DailyGrid grid = year2023();
        // 27 in every month, 25 in February: 11 × 27 + 25 = 322 < 324 even though every month passes.
        for (int m = 1; m <= 12; m++) {
            keepInMonth(grid, YearMonth.of(2023, m), m == 2 ? 25 : 27);
        }
        Completeness c = yearCompleteness(grid);
        assertThat(c.validDays()).isEqualTo(322);
        assertThat(c.complete()).isFalse();
        assertThat(c.shortfall()).contains("322 < 324");

        // Two more days in January: 324.
        grid.set(DailyStatistic.PM25, 0, grid.indexOf(LocalDate.of(2023, 1, 28)), 30);
        grid.set(DailyStatistic.PM25, 0, grid.indexOf(LocalDate.of(2023, 1, 29)), 30);
        assertThat(yearCompleteness(grid).validDays()).isEqualTo(324);
        assertThat(yearCompleteness(grid).complete()).isTrue();
    }

    @Test
    void aYearNeeds27InEveryMonthAnd25InFebruary() {
        DailyGrid grid = year2023();
        keepInMonth(grid, YearMonth.of(2023, 2), 25);
        assertThat(yearCompleteness(grid).complete()).isTrue();   // 365 − 3 = 362 days, February 25

        keepInMonth(grid, YearMonth.of(2023, 2), 24);
        Completeness c = yearCompleteness(grid);
        assertThat(c.validDays()).isEqualTo(361);                  // 365 − 4: plenty for the 324 …
        assertThat(c.complete()).isFalse();                        // … but February has 24 < 25
        assertThat(c.shortfall()).isEqualTo("2023-02: 24 < 25");

        DailyGrid march26 = year2023();
        keepInMonth(march26, YearMonth.of(2023, 3), 26);
        assertThat(yearCompleteness(march26).complete()).isFalse();
        DailyGrid march27 = year2023();
        keepInMonth(march27, YearMonth.of(2023, 3), 27);
        assertThat(yearCompleteness(march27).complete()).isTrue();
    }

    @Test
    void aMonthsOwnStatisticsNeed27Or25InFebruaryByDefault() {
        DailyGrid grid = year2023();
        keepInMonth(grid, YearMonth.of(2023, 1), 26);
        keepInMonth(grid, YearMonth.of(2023, 2), 25);
        Period january = Period.month(YearMonth.of(2023, 1));
        Period february = Period.month(YearMonth.of(2023, 2));
        assertThat(january.kind()).isEqualTo(Period.Kind.MONTH);

        assertThat(PeriodStatistics.compute(grid, 0, january, DEFAULTS).isComplete(DailyStatistic.PM25)).isFalse();
        assertThat(PeriodStatistics.compute(grid, 0, february, DEFAULTS).isComplete(DailyStatistic.PM25)).isTrue();
        // [OPEN] option off: a month needs only one valid day.
        PeriodOptions noMonthMinimum = DEFAULTS.withMonthOwnMinimum(false);
        assertThat(PeriodStatistics.compute(grid, 0, january, noMonthMinimum).isComplete(DailyStatistic.PM25)).isTrue();

        keepInMonth(grid, YearMonth.of(2023, 2), 24);
        assertThat(PeriodStatistics.compute(grid, 0, february, DEFAULTS).isComplete(DailyStatistic.PM25)).isFalse();
    }

    @Test
    void quartersAndCustomRangesCheckTheWholeMonthsInside() {
        DailyGrid grid = year2023();
        keepInMonth(grid, YearMonth.of(2023, 2), 24);
        // Q1 holds all of February: incomplete.
        assertThat(PeriodStatistics.compute(grid, 0, Period.quarter(2023, 1), DEFAULTS).isComplete(DailyStatistic.PM25)).isFalse();
        assertThat(PeriodStatistics.compute(grid, 0, Period.quarter(2023, 1),
                DEFAULTS.withMonthMinimumInOtherPeriods(false)).isComplete(DailyStatistic.PM25)).isTrue();
        // 15 Jan … 15 Feb holds neither month whole: no monthly minimum applies.
        Period custom = new Period(LocalDate.of(2023, 1, 15), LocalDate.of(2023, 2, 15));
        assertThat(custom.kind()).isEqualTo(Period.Kind.OTHER);
        assertThat(PeriodStatistics.compute(grid, 0, custom, DEFAULTS).isComplete(DailyStatistic.PM25)).isTrue();
    }

    @Test
    void meansPercentilesAndMaxOfAMonth() {
        // January 2023: day d has PM2.5 = d, SO2 = d, O3 MDA8 = 10·d, O3 1h max = 20·d.
        DailyGrid grid = new DailyGrid(LocalDate.of(2023, 1, 1), 31, List.of("S"));
        for (int d = 0; d < 31; d++) {
            grid.set(DailyStatistic.PM25, 0, d, d + 1);
            grid.set(DailyStatistic.SO2, 0, d, d + 1);
            grid.set(DailyStatistic.O3_MAX_8H, 0, d, 10 * (d + 1));
            grid.set(DailyStatistic.O3_MAX_1H, 0, d, 20 * (d + 1));
        }
        PeriodStatistics s = PeriodStatistics.compute(grid, 0, Period.month(YearMonth.of(2023, 1)), DEFAULTS);
        // mean of 1..31 = 16
        assertThat(s.mean(Pollutant.PM25)).isCloseTo(16, within(1e-12));
        // P95 of 1..31: k = 1 + 30 × 0.95 = 29.5 → 29.5
        assertThat(s.value(PeriodStatistic.PM25_P95)).isCloseTo(29.5, within(1e-12));
        // P98 of 1..31: k = 1 + 30 × 0.98 = 30.4 → 30.4
        assertThat(s.value(PeriodStatistic.SO2_P98)).isCloseTo(30.4, within(1e-12));
        // MDA8 P90 of 10..310: k = 1 + 30 × 0.9 = 28 → X(28) = 280
        assertThat(s.percentile(Pollutant.O3)).isCloseTo(280, within(1e-9));
        assertThat(s.value(PeriodStatistic.O3_1H_MAX)).isEqualTo(620.0);
        assertThat(s.validDays(DailyStatistic.PM25)).isEqualTo(31);
        assertThat(s.validDays(DailyStatistic.NO2)).isZero();
        assertThat(s.mean(Pollutant.NO2)).isNaN();
        assertThat(s.isComplete(DailyStatistic.NO2)).isFalse();
    }

    @Test
    void daysOfThePeriodOutsideTheGridAreMissing() {
        DailyGrid grid = new DailyGrid(LocalDate.of(2023, 1, 1), 10, List.of("S"));
        Grids.constant(grid, 0, DailyStatistic.NO2, 40);
        PeriodStatistics s = PeriodStatistics.compute(grid, 0, Period.month(YearMonth.of(2023, 1)), DEFAULTS);
        assertThat(s.validDays(DailyStatistic.NO2)).isEqualTo(10);
        assertThat(s.mean(Pollutant.NO2)).isEqualTo(40.0);
        assertThat(s.isComplete(DailyStatistic.NO2)).isFalse();
        assertThat(s.completeness(DailyStatistic.NO2).shortfall()).isEqualTo("2023-01: 10 < 27");
    }

    @Test
    void periodsKnowTheirKindAndNeighbours() {
        assertThat(Period.year(2024).kind()).isEqualTo(Period.Kind.YEAR);
        assertThat(Period.year(2024).days()).isEqualTo(366);
        assertThat(Period.quarter(2024, 1).kind()).isEqualTo(Period.Kind.OTHER);
        Period march = Period.month(YearMonth.of(2023, 3));
        assertThat(march.preceding()).isEqualTo(new Period(LocalDate.of(2023, 1, 29), LocalDate.of(2023, 2, 28)));
        assertThat(march.yearBefore()).isEqualTo(Period.month(YearMonth.of(2022, 3)));
    }
}
