package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.envhub.standards.air.AirQualityStandard;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.junit.jupiter.api.Test;

class AirReportTest {

    private static final List<Station> STATIONS = List.of(
            new Station("A1", "甲一", "甲市", 116, 39, false),
            new Station("A2", "甲二", "甲市", 116, 39, false),
            new Station("A3", "甲对照点", "甲市", 116, 39, true),
            new Station("B1", "乙一", "乙市", 117, 39, false),
            new Station("C1", "丙一", "丙市", 118, 39, false));

    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final RuleChoice RULES = RuleChoice.of(AqiRuleSet.HJ633_2012);

    /** Six natural days, 1–6 January 2023, each station constant over time. */
    private static HourlyGrid sixDays() {
        HourlyGrid grid = Grids.hourlyFrom(FIRST, 6, "A1", "A2", "A3", "B1", "C1");
        //                      SO2  NO2  CO   O3   PM10 PM2.5
        Grids.constant(grid, "A1", 10, 30, 1.0, 100, 60, 30);
        Grids.constant(grid, "A2", 20, 50, 1.4, 140, 80, 40);
        Grids.constant(grid, "A3", 1000, 1000, 100, 1000, 1000, 1000); // control: must not count
        Grids.constant(grid, "B1", 15, 40, 1.2, 120, 70, 35);
        Grids.constant(grid, "C1", 6, 20, 0.8, 80, 35, 14);
        return grid;
    }

    @Test
    void citiesAreRankedByTheirPublishedCompositeIndexWithTies() {
        AirReport report = AirReport.compute(STATIONS, sixDays(), LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 6),
                RULES, ReportOptions.defaults());

        assertThat(report.level()).isEqualTo(AirReport.Level.CITY);
        assertThat(report.rows()).extracting(ReportRow::series).containsExactly("甲市", "乙市", "丙市");
        // 甲市 = mean of A1 and A2 (A3 left out): SO2 15, NO2 40, CO 1.2, O3 120, PM10 70, PM2.5 35.
        // I = 15/60 + 40/40 + 1.2/4 + 120/160 + 70/70 + 35/35 = 0.25 + 1 + 0.3 + 0.75 + 1 + 1 = 4.30
        ReportRow jia = report.row("甲市");
        assertThat(jia.statistics().mean(Pollutant.SO2)).isCloseTo(15, within(1e-12));
        assertThat(jia.index().published()).isEqualTo(4.30);
        assertThat(jia.index().primary()).containsExactly(Pollutant.NO2, Pollutant.PM10, Pollutant.PM25);
        // 乙市 has the same concentrations from one station: 4.30, sharing the rank.
        assertThat(report.row("乙市").index().published()).isEqualTo(4.30);
        // 丙市: 6/60 + 20/40 + 0.8/4 + 80/160 + 35/70 + 14/35 = 0.1 + 0.5 + 0.2 + 0.5 + 0.5 + 0.4 = 2.20
        assertThat(report.row("丙市").index().published()).isEqualTo(2.20);
        assertThat(report.rows()).extracting(ReportRow::rank).containsExactly(2, 2, 1);
        assertThat(report.ranked()).extracting(ReportRow::series).containsExactly("丙市", "乙市", "甲市");

        // Daily AQI of 甲市: SO2 15 → 15, NO2 40 → 50, CO 1.2 → 30, PM10 70 → 60, PM2.5 35 → 50,
        // O3 1h 120 → 37.5 → 38, MDA8 120 → 50 + 50 × 20/60 = 66.7 → 67: AQI 67, a good day, all 3.
        assertThat(jia.goodDays().goodDays()).isEqualTo(3);
        assertThat(jia.goodDays().validDays()).isEqualTo(3);
        assertThat(jia.heavyPollutionDays()).isZero();
        assertThat(report.ruleSpans()).containsExactly(new RuleSpan(AqiRuleSet.HJ633_2012, LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 6)));
        assertThat(report.judgedBy()).isEqualTo(AirQualityStandard.GB3095_2012);
    }

    @Test
    void theChangeRateComparesWithAnEarlierPeriod() {
        HourlyGrid grid = sixDays();
        // 丙市 twice as polluted on days 1–3: 0.2 + 1.0 + 0.4 + 1.0 + 1.0 + 0.8 = 4.40.
        int c1 = grid.seriesIndex("C1");
        double[] doubled = {12, 40, 1.6, 160, 70, 28};
        for (Pollutant p : Pollutant.values()) {
            java.util.Arrays.fill(grid.values(p, c1), 0, 72, doubled[p.ordinal()]);
        }
        Period days4to6 = new Period(LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 6));
        AirReport report = AirReport.compute(STATIONS, grid, days4to6.from(), days4to6.to(), RULES,
                ReportOptions.defaults().withCompareWith(days4to6.preceding()));

        ReportRow bing = report.row("丙市");
        assertThat(bing.previousIndex().published()).isEqualTo(4.40);
        // (2.20 − 4.40) / 4.40 = −0.5
        assertThat(bing.changeRate()).isCloseTo(-0.5, within(1e-12));
        assertThat(report.row("乙市").changeRate()).isCloseTo(0, within(1e-12));
    }

    @Test
    void stationRowsAndIncompleteRanking() {
        ReportOptions stations = ReportOptions.defaults().withLevel(AirReport.Level.STATION);
        // January as a month: 6 of 31 days < 27, so nothing is complete and nothing is ranked …
        AirReport january = AirReport.compute(STATIONS, sixDays(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31),
                RULES, stations);
        assertThat(january.rows()).extracting(ReportRow::series).containsExactly("A1", "A2", "A3", "B1", "C1");
        assertThat(january.rows()).allMatch(r -> r.rank() == 0);
        assertThat(january.row("A1").statistics().completeness(DailyStatistic.PM25).shortfall()).isEqualTo("2023-01: 6 < 27");
        // … unless asked. A1: 10/60 + 30/40 + 1.0/4 + 100/160 + 60/70 + 30/35
        //   = 0.1667 + 0.75 + 0.25 + 0.625 + 0.8571 + 0.8571 = 3.5060 → 3.51;
        // A2: 0.3333 + 1.25 + 0.35 + 0.875 + 1.1429 + 1.1429 = 5.09; B1 4.30; C1 2.20; the control
        // station A3 is its own row and ranks last.
        AirReport ranked = AirReport.compute(STATIONS, sixDays(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31),
                RULES, stations.withRanksIncomplete(true));
        assertThat(ranked.row("A1").index().published()).isEqualTo(3.51);
        assertThat(ranked.row("A1").name()).isEqualTo("甲一");
        assertThat(ranked.row("A1").city()).isEqualTo("甲市");
        assertThat(ranked.rows()).extracting(ReportRow::rank).containsExactly(2, 4, 5, 3, 1);
    }

    @Test
    void dustDaysAreCountedAndExcluded() {
        HourlyGrid grid = sixDays();
        // C1's PM10 at 400 on 5 January only.
        Grids.fill(grid, "C1", Pollutant.PM10, LocalDate.of(2023, 1, 5).atTime(1, 0), LocalDate.of(2023, 1, 6).atStartOfDay(), 400);
        DustExclusion dust = DustExclusion.of(List.of(new DustPeriod("丙市", LocalDate.of(2023, 1, 5), LocalDate.of(2023, 1, 5))));
        AirReport measured = AirReport.compute(STATIONS, grid, LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 6), RULES,
                ReportOptions.defaults());
        AirReport excluded = AirReport.compute(STATIONS, grid, LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 6), RULES,
                ReportOptions.defaults().withDust(dust));
        // Measured PM10 mean (35 + 400 + 35) / 3 = 156.7; excluded: 35.
        assertThat(measured.row("丙市").statistics().mean(Pollutant.PM10)).isCloseTo(470.0 / 3, within(1e-9));
        assertThat(excluded.row("丙市").statistics().mean(Pollutant.PM10)).isEqualTo(35.0);
        assertThat(excluded.row("丙市").dustDays()).isEqualTo(1);
        assertThat(excluded.row("甲市").dustDays()).isZero();
        // By default the daily AQI stays as measured: PM10 400 → 300 + 100 × 50/80 = 362.5 → 363, heavy.
        assertThat(excluded.row("丙市").heavyPollutionDays()).isEqualTo(1);
        AirReport alsoAqi = AirReport.compute(STATIONS, grid, LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 6), RULES,
                ReportOptions.defaults().withDust(dust.withScope(DustExclusion.Scope.STATISTICS_AND_DAILY_AQI)));
        assertThat(alsoAqi.row("丙市").heavyPollutionDays()).isZero();
        assertThat(alsoAqi.row("丙市").goodDays().goodDays()).isEqualTo(3);
    }

    @Test
    void aReportAcrossTheSwitchSaysWhichRulesJudgedWhichDays() {
        HourlyGrid grid = new HourlyGrid(LocalDate.of(2026, 2, 27).atTime(1, 0), 24 * 4, List.of("A1", "A2", "B1", "C1"));
        AirReport report = AirReport.compute(STATIONS, grid, LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 2),
                RuleChoice.AUTO, ReportOptions.defaults());
        assertThat(report.ruleSpans()).containsExactly(
                new RuleSpan(AqiRuleSet.HJ633_2012, LocalDate.of(2026, 2, 27), LocalDate.of(2026, 2, 28)),
                new RuleSpan(AqiRuleSet.HJ633_2026, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)));
        assertThat(report.judgedBy()).isEqualTo(AirQualityStandard.GB3095_2026_TRANSITION);
    }
}
