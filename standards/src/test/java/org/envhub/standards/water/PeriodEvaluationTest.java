package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.envhub.standards.water.WaterItem.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodEvaluationTest {

    private static final LocalDate JAN1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate MAR31 = LocalDate.of(2024, 3, 31);

    private static WaterSample sample(String section, String time, WaterBody body, Object... itemsAndValues) {
        return new WaterSample(section, LocalDateTime.parse(time), body, Concentrations.of(itemsAndValues));
    }

    @Test
    void theMeanIsRoundedBeforeItIsClassified() {
        // NH3-N 0.50 and 0.51: mean 0.505, rounded half to even 0.50 → II. Judged in full, 0.505 > 0.5 → III.
        List<WaterSample> s = List.of(
                sample("S1", "2024-01-10T09:00", WaterBody.RIVER, NH3N, 0.50, PH, 6),
                sample("S1", "2024-02-10T09:00", WaterBody.RIVER, NH3N, 0.51, PH, 8));
        PeriodEvaluation p = PeriodEvaluation.of("S1", s, JAN1, MAR31, WaterOptions.defaults());
        assertThat(p.samples()).isEqualTo(2);
        assertThat(p.means().get(NH3N)).isCloseTo(0.505, within(1e-12));
        assertThat(p.evaluation().values().get(NH3N)).isEqualTo(0.50);
        assertThat(p.waterClass()).isEqualTo(WaterClass.II);
        // pH 6 and 8 → 6.30 through H⁺ (the arithmetic mean would be 7.00)
        assertThat(p.evaluation().values().get(PH)).isEqualTo(6.30);
        PeriodEvaluation full = PeriodEvaluation.of("S1", s, JAN1, MAR31, WaterOptions.defaults().withRounding(WaterRounding.NONE));
        assertThat(full.waterClass()).isEqualTo(WaterClass.III);
    }

    @Test
    void onlyThePeriodsSamplesOfTheSectionCount() {
        // the period runs 1 Jan to 31 Mar inclusive; 31 Mar 23:30 is in, 1 Apr and 31 Dec are out; S2 is another section
        List<WaterSample> s = List.of(
                sample("S1", "2023-12-31T12:00", WaterBody.RIVER, CODMN, 20),
                sample("S1", "2024-01-01T00:00", WaterBody.RIVER, CODMN, 3),
                sample("S1", "2024-03-31T23:30", WaterBody.RIVER, CODMN, 5),
                sample("S1", "2024-04-01T08:00", WaterBody.RIVER, CODMN, 20),
                sample("S2", "2024-02-01T08:00", WaterBody.RIVER, CODMN, 20));
        PeriodEvaluation p = PeriodEvaluation.of("S1", s, JAN1, MAR31, WaterOptions.defaults());
        // (3 + 5)/2 = 4.0 → II
        assertThat(p.samples()).isEqualTo(2);
        assertThat(p.evaluation().values().get(CODMN)).isEqualTo(4.0);
        assertThat(p.waterClass()).isEqualTo(WaterClass.II);
        assertThat(PeriodEvaluation.of("S3", s, JAN1, MAR31, WaterOptions.defaults())).isNull();
    }

    @Test
    void anItemMissingFromSomeSamplesIsTheMeanOfTheOthers() {
        // TP measured in two of three months: (0.1 + 0.3)/2 = 0.2 → III; DO 7, 8, 9 → 8.0 → I
        List<WaterSample> s = List.of(
                sample("S1", "2024-01-10T09:00", WaterBody.RIVER, TP, 0.1, DO, 7),
                sample("S1", "2024-02-10T09:00", WaterBody.RIVER, DO, 8),
                sample("S1", "2024-03-10T09:00", WaterBody.RIVER, TP, 0.3, DO, 9));
        PeriodEvaluation p = PeriodEvaluation.of("S1", s, JAN1, MAR31, WaterOptions.defaults());
        assertThat(p.evaluation().values().get(TP)).isEqualTo(0.2);
        assertThat(p.evaluation().values().get(DO)).isEqualTo(8.0);
        assertThat(p.waterClass()).isEqualTo(WaterClass.III);
    }

    @Test
    void aSectionSampledAsTwoWaterBodiesIsRefused() {
        List<WaterSample> s = List.of(
                sample("S1", "2024-01-10T09:00", WaterBody.RIVER, TP, 0.1),
                sample("S1", "2024-02-10T09:00", WaterBody.LAKE, TP, 0.1));
        assertThatThrownBy(() -> PeriodEvaluation.of("S1", s, JAN1, MAR31, WaterOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("river").hasMessageContaining("lake");
    }

    @Test
    void attainmentIsAnActualClassNoWorseThanTheTarget() {
        assertThat(TargetAttainment.attained(WaterClass.II, WaterClass.III)).isTrue();
        assertThat(TargetAttainment.attained(WaterClass.III, WaterClass.III)).isTrue();
        assertThat(TargetAttainment.attained(WaterClass.IV, WaterClass.III)).isFalse();
        assertThat(TargetAttainment.attained(WaterClass.WORSE_THAN_V, WaterClass.V)).isFalse();
        assertThat(TargetAttainment.attained(WaterClass.II, null)).isNull();
        assertThat(TargetAttainment.attained(null, WaterClass.III)).isNull();
        List<WaterSample> s = List.of(sample("S1", "2024-01-10T09:00", WaterBody.RIVER, NH3N, 1.2));
        PeriodEvaluation p = PeriodEvaluation.of("S1", s, JAN1, MAR31, WaterOptions.defaults());
        assertThat(p.attains(WaterClass.IV)).isTrue();
        assertThat(p.attains(WaterClass.III)).isFalse();
    }
}
