package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envhub.standards.water.WaterItem.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiverRatingTest {

    /** {@code good} sections of class II, {@code worst} 劣V, the rest IV, out of {@code n}. */
    private static List<WaterClass> classes(int n, int good, int worst) {
        List<WaterClass> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add(i < good ? WaterClass.II : i < good + worst ? WaterClass.WORSE_THAN_V : WaterClass.IV);
        }
        return c;
    }

    @ParameterizedTest(name = "{0} sections, {1} I–III, {2} 劣V: {3}")
    @CsvSource({
            // at least 90% I–III: 优
            "20, 20, 0, 优",
            "20, 18, 0, 优",
            "10,  9, 1, 优",
            // 75% to 90%: 良好
            "20, 17, 0, 良好",
            "20, 15, 5, 良好",
            // below 75%, then by 劣V: under 20% 轻度污染 ...
            "20, 14, 0, 轻度污染",
            "20, 14, 3, 轻度污染",
            // ... 20% to 40% 中度污染 (20% itself belongs here) ...
            "20, 14, 4, 中度污染",
            "20,  0, 7, 中度污染",
            // ... 40% and more 重度污染
            "20,  0, 8, 重度污染",
            "20, 12, 8, 重度污染",
            // five sections is enough for shares
            " 5,  4, 1, 良好",
            " 5,  3, 1, 中度污染",
            " 5,  3, 0, 轻度污染",
    })
    void fiveOrMoreSectionsAreRatedByShares(int n, int good, int worst, String expected) {
        RiverRating r = RiverRating.byShares(classes(n, good, worst));
        assertThat(r.quality().label()).isEqualTo(expected);
        assertThat(r.method()).isEqualTo(RiverRating.Method.SECTION_SHARES);
        assertThat(r.goodShare()).isEqualTo((double) good / n);
    }

    @Test
    void sharesAreNotOfferedBelowFiveSections() {
        assertThatThrownBy(() -> RiverRating.byShares(classes(4, 4, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static PeriodEvaluation section(String code, WaterBody body, Object... itemsAndValues) {
        WaterSample s = new WaterSample(code, LocalDateTime.of(2024, 5, 10, 9, 0), body, Concentrations.of(itemsAndValues));
        return PeriodEvaluation.of(code, List.of(s), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), WaterOptions.defaults());
    }

    @Test
    void fewerThanFiveSectionsAreRatedByTheMeanOfTheirItems() {
        // NH3-N 0.4 (II) and 1.2 (IV): shares would give 50% I–III; the mean 0.8 is III, so 良好
        // pH 6 and 8 average through H⁺ to 6.30, inside 6–9
        List<PeriodEvaluation> two = List.of(
                section("A", WaterBody.RIVER, PH, 6, NH3N, 0.4),
                section("B", WaterBody.RIVER, PH, 8, NH3N, 1.2));
        RiverRating r = RiverRating.of(two, WaterOptions.defaults());
        assertThat(r.method()).isEqualTo(RiverRating.Method.MEAN_OF_SECTIONS);
        assertThat(r.sections()).isEqualTo(2);
        assertThat(r.mean().values().get(NH3N)).isEqualTo(0.8);
        assertThat(r.mean().values().get(PH)).isEqualTo(6.30);
        assertThat(r.mean().waterClass()).isEqualTo(WaterClass.III);
        assertThat(r.quality()).isEqualTo(WaterQuality.GOOD);
        assertThat(r.goodShare()).isEqualTo(0.5);
    }

    @Test
    void theMeanOfLakesTakesTheLakeLimits() {
        // TP 0.04 and 0.08, mean 0.06: class IV for lakes (轻度污染); the same sections as rivers: II (优)
        RiverRating lakes = RiverRating.of(List.of(section("A", WaterBody.LAKE, TP, 0.04), section("B", WaterBody.RESERVOIR, TP, 0.08)),
                WaterOptions.defaults());
        assertThat(lakes.mean().waterClass()).isEqualTo(WaterClass.IV);
        assertThat(lakes.quality()).isEqualTo(WaterQuality.LIGHTLY_POLLUTED);
        RiverRating rivers = RiverRating.of(List.of(section("A", WaterBody.RIVER, TP, 0.04), section("B", WaterBody.RIVER, TP, 0.08)),
                WaterOptions.defaults());
        assertThat(rivers.quality()).isEqualTo(WaterQuality.EXCELLENT);
    }

    @Test
    void theFifthSectionSwitchesToShares() {
        // four sections NH3-N 0.4 ×3 and 2.5: mean 0.925 → III 良好; add a fifth at 0.4: 4 of 5 = 80% → 良好 by shares,
        // and a fifth at 2.5 instead: 3 of 5 = 60% I–III, 2 of 5 = 40% 劣V → 重度污染
        List<PeriodEvaluation> four = new ArrayList<>(List.of(section("A", WaterBody.RIVER, NH3N, 0.4),
                section("B", WaterBody.RIVER, NH3N, 0.4), section("C", WaterBody.RIVER, NH3N, 0.4),
                section("D", WaterBody.RIVER, NH3N, 2.5)));
        RiverRating byMean = RiverRating.of(four, WaterOptions.defaults());
        assertThat(byMean.method()).isEqualTo(RiverRating.Method.MEAN_OF_SECTIONS);
        assertThat(byMean.mean().values().get(NH3N)).isEqualTo(0.92);
        assertThat(byMean.quality()).isEqualTo(WaterQuality.GOOD);
        List<PeriodEvaluation> five = new ArrayList<>(four);
        five.add(section("E", WaterBody.RIVER, NH3N, 2.5));
        RiverRating byShares = RiverRating.of(five, WaterOptions.defaults());
        assertThat(byShares.method()).isEqualTo(RiverRating.Method.SECTION_SHARES);
        assertThat(byShares.quality()).isEqualTo(WaterQuality.HEAVILY_POLLUTED);
    }

    @Test
    void noSectionsNoRating() {
        assertThat(RiverRating.of(List.of(), WaterOptions.defaults())).isNull();
    }

    @Test
    void goodWaterRatio() {
        // 28 of 29 sections I–III: 96.55…% → 96.6
        List<WaterClass> c = new ArrayList<>(classes(29, 28, 0));
        assertThat(GoodWaterRatio.of(c)).isEqualTo(28.0 / 29);
        assertThat(GoodWaterRatio.publishedPercent(c)).isEqualTo(96.6);
        // a section without a class counts for nothing
        c.add(null);
        assertThat(GoodWaterRatio.of(c)).isEqualTo(28.0 / 29);
        assertThat(GoodWaterRatio.of(List.of(WaterClass.III, WaterClass.IV))).isEqualTo(0.5);
        assertThat(GoodWaterRatio.of(List.of())).isNaN();
    }
}
