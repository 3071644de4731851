package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.envhub.standards.water.WaterItem.NH3N;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envhub.standards.air.stats.Period;
import org.junit.jupiter.api.Test;

class WaterReportTest {

    private static final Period JANUARY = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
    private static final Period DECEMBER = new Period(LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 31));

    private static WaterSample sample(String section, int year, int month, WaterBody body, Concentrations v) {
        return new WaterSample(section, LocalDateTime.of(year, month, 12, 10, 0), body, v);
    }

    /**
     * Alpha: A1 (river, FULL: class II, CWQI 4.90, target II) and A2 (river, NH3-N 1.25: IV, CWQI 4.90 − 0.25 + 1.25 = 5.90,
     * target III). Beta: B1 (lake, FULL: TP 0.1 is IV in a lake, CWQI 6.40, target III). Gamma: C1, listed, never sampled.
     * X1: sampled (river, FULL), not listed, so city "-". In December both Alpha sections were FULL (4.90).
     */
    private static WaterReport report() {
        Map<String, WaterSection> listed = new LinkedHashMap<>();
        listed.put("A1", new WaterSection("A1", "Upper bridge", "Alpha", "North", WaterBody.RIVER, WaterClass.II));
        listed.put("A2", new WaterSection("A2", "Lower bridge", "Alpha", "South", WaterBody.RIVER, WaterClass.III));
        listed.put("B1", new WaterSection("B1", "Lake centre", "Beta", "", WaterBody.RIVER, WaterClass.III));
        listed.put("C1", new WaterSection("C1", "Weir", "Gamma", "", WaterBody.RIVER, WaterClass.III));
        List<WaterSample> samples = List.of(
                sample("A1", 2024, 1, WaterBody.RIVER, CwqiTest.FULL),
                sample("A2", 2024, 1, WaterBody.RIVER, CwqiTest.FULL.with(NH3N, 1.25)),
                sample("B1", 2024, 1, WaterBody.LAKE, CwqiTest.FULL),
                sample("X1", 2024, 1, WaterBody.RIVER, CwqiTest.FULL),
                sample("A1", 2023, 12, WaterBody.RIVER, CwqiTest.FULL),
                sample("A2", 2023, 12, WaterBody.RIVER, CwqiTest.FULL));
        return WaterReport.compute(samples, listed, JANUARY, DECEMBER, WaterOptions.defaults());
    }

    @Test
    void sectionsWithClassTargetAttainmentAndMainPollutants() {
        WaterReport r = report();
        assertThat(r.rules()).isEqualTo(WaterRuleSet.GB3838_2002);
        assertThat(r.sections()).extracting(s -> s.section().code()).containsExactly("A1", "A2", "B1", "C1", "X1");
        WaterReport.SectionRow a1 = r.sections().get(0);
        WaterReport.SectionRow a2 = r.sections().get(1);
        WaterReport.SectionRow b1 = r.sections().get(2);
        WaterReport.SectionRow c1 = r.sections().get(3);
        WaterReport.SectionRow x1 = r.sections().get(4);
        assertThat(a1.waterClass()).isEqualTo(WaterClass.II);
        assertThat(a1.attained()).isTrue();
        assertThat(a2.waterClass()).isEqualTo(WaterClass.IV);
        assertThat(a2.attained()).isFalse();
        assertThat(MainPollutant.format(a2.period().evaluation().mainPollutants(), 2, false)).isEqualTo("NH3-N(0.25)");
        assertThat(a2.period().evaluation().cwqi().value()).isCloseTo(5.90, within(1e-9));
        // B1 is listed as a river but sampled as a lake: the samples decide, and a note says so
        assertThat(b1.body()).isEqualTo(WaterBody.LAKE);
        assertThat(b1.waterClass()).isEqualTo(WaterClass.IV);
        assertThat(MainPollutant.format(b1.period().evaluation().mainPollutants(), 2, false)).isEqualTo("TP(1.00)");
        assertThat(c1.period()).isNull();
        assertThat(c1.waterClass()).isNull();
        assertThat(c1.attained()).isNull();
        assertThat(x1.section().city()).isEqualTo("-");
        assertThat(x1.attained()).isNull();
        assertThat(r.notes()).containsExactly(
                "section X1 is not in the section list; it counts for city -",
                "section B1 is listed as river but sampled as lake; the samples' lake limits apply");
    }

    @Test
    void citiesWithGoodWaterRatioRatingCwqiRankAndChange() {
        WaterReport r = report();
        assertThat(r.cities()).extracting(WaterReport.CityRow::city).containsExactly("Alpha", "Beta", "Gamma", "-");
        WaterReport.CityRow alpha = r.cities().get(0);
        WaterReport.CityRow beta = r.cities().get(1);
        WaterReport.CityRow gamma = r.cities().get(2);
        WaterReport.CityRow none = r.cities().get(3);
        // Alpha: 1 of 2 sections I–III; CWQI (4.90 + 5.90)/2 = 5.40; fewer than 5 sections, so rated by the mean:
        // NH3-N (0.25 + 1.25)/2 = 0.75 → III → 良好
        assertThat(alpha.sections()).isEqualTo(2);
        assertThat(alpha.goodSections()).isEqualTo(1);
        assertThat(alpha.goodRatio()).isEqualTo(0.5);
        assertThat(alpha.cwqi().value()).isCloseTo(5.40, within(1e-9));
        assertThat(alpha.rating().method()).isEqualTo(RiverRating.Method.MEAN_OF_SECTIONS);
        assertThat(alpha.rating().quality()).isEqualTo(WaterQuality.GOOD);
        assertThat(alpha.withTarget()).isEqualTo(2);
        assertThat(alpha.attained()).isEqualTo(1);
        // December 4.90 → January 5.40: (5.40 − 4.90)/4.90 = +10.2% (worse)
        assertThat(alpha.cwqiBefore()).isCloseTo(4.90, within(1e-9));
        assertThat(alpha.changeRate()).isCloseTo(0.5 / 4.9, within(1e-9));
        // Beta: its lake is IV → 0%, 轻度污染, CWQI 6.40, no December data
        assertThat(beta.goodRatio()).isZero();
        assertThat(beta.rating().quality()).isEqualTo(WaterQuality.LIGHTLY_POLLUTED);
        assertThat(beta.cwqi().value()).isCloseTo(6.40, within(1e-9));
        assertThat(beta.changeRate()).isNaN();
        // Gamma: no samples: no ratio, no CWQI, not ranked
        assertThat(gamma.sections()).isZero();
        assertThat(gamma.goodRatio()).isNaN();
        assertThat(gamma.rating()).isNull();
        assertThat(gamma.rank()).isZero();
        // ranks: "-" 4.90 → 1, Alpha 5.40 → 2, Beta 6.40 → 3
        assertThat(none.rank()).isEqualTo(1);
        assertThat(alpha.rank()).isEqualTo(2);
        assertThat(beta.rank()).isEqualTo(3);
    }

    @Test
    void withoutASectionListEverySectionIsInTheCityDash() {
        List<WaterSample> samples = List.of(
                sample("S2", 2024, 1, WaterBody.RIVER, CwqiTest.FULL),
                sample("S1", 2024, 1, WaterBody.LAKE, CwqiTest.FULL));
        WaterReport r = WaterReport.compute(samples, Map.of(), JANUARY, null, WaterOptions.defaults());
        assertThat(r.sections()).extracting(s -> s.section().code()).containsExactly("S1", "S2");
        assertThat(r.cities()).singleElement().satisfies(c -> {
            assertThat(c.city()).isEqualTo("-");
            assertThat(c.sections()).isEqualTo(2);
            // (6.40 + 4.90)/2 = 5.65
            assertThat(c.cwqi().value()).isCloseTo(5.65, within(1e-9));
            assertThat(c.rank()).isEqualTo(1);
            assertThat(c.changeRate()).isNaN();
        });
        assertThat(r.notes()).isEmpty();
    }
}
