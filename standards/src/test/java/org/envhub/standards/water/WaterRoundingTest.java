package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.envhub.standards.water.WaterItem.*;

import org.envhub.standards.testing.RandomCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaterRoundingTest {

    private static final WaterRounding R = WaterRounding.RULES_2020;

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            // half to even: a 5 with nothing after it goes to the even digit, anything after it goes up
            "NH3N, 0.125,    0.12",
            "NH3N, 0.135,    0.14",
            "NH3N, 0.1251,   0.13",
            "NH3N, 0.1249,   0.12",
            "TP,   0.0125,   0.012",
            "TP,   0.0135,   0.014",
            "TP,   0.2005,   0.200",
            "CODMN, 4.25,    4.2",
            "CODMN, 4.35,    4.4",
            "DO,   4.95,     5.0",
            "DO,   5.05,     5.0",
            "DO,   5.15,     5.2",
            "HG,   0.000125, 0.00012",
            "HG,   0.000135, 0.00014",
            "PH,   7.125,    7.12",
            "FECAL_COLIFORM, 2500.5, 2500",
            "FECAL_COLIFORM, 2501.5, 2502",
    })
    void roundsHalfToEvenAtTheItemsDecimals(WaterItem item, double value, double expected) {
        assertThat(R.round(item, value)).isEqualTo(expected);
    }

    @Test
    void theRulebookDecimalsAndTheChosenOnes() {
        assertThat(R.decimals(NH3N)).isEqualTo(2);
        assertThat(R.decimals(TP)).isEqualTo(3);
        assertThat(R.decimals(CODMN)).isEqualTo(1);
        assertThat(R.decimals(DO)).isEqualTo(1);
        assertThat(R.decimals(HG)).isEqualTo(5);
        assertThat(R.decimals(PH)).isEqualTo(2);
        assertThat(R.decimals(CD)).isEqualTo(5);
        assertThat(R.decimals(FECAL_COLIFORM)).isZero();
        assertThat(WaterRounding.NONE.decimals(NH3N)).isEqualTo(-1);
    }

    @Test
    void noLimitOfTableOneMovesWhenRounded() {
        Gb3838Limits limits = WaterRuleSet.GB3838_2002.limits();
        for (WaterItem item : WaterItem.values()) {
            if (item == PH) {
                continue;
            }
            for (WaterBody body : WaterBody.values()) {
                for (int c = 1; c <= 5; c++) {
                    double limit = limits.limit(item, WaterClass.ofNumber(c), body);
                    assertThat(R.round(item, limit)).as("%s class %d in a %s", item, c, body).isEqualTo(limit);
                }
            }
        }
    }

    @Test
    void roundingDecidesAClassAtALimit() {
        // DO 4.95 rounds to 5.0 (49.5 → the even 50): class III, where the full value is IV
        WaterEvaluation rounded = WaterEvaluation.of(Concentrations.of(DO, 4.95), WaterBody.RIVER, WaterOptions.defaults());
        WaterEvaluation full = WaterEvaluation.of(Concentrations.of(DO, 4.95), WaterBody.RIVER,
                WaterOptions.defaults().withRounding(WaterRounding.NONE));
        assertThat(rounded.waterClass()).isEqualTo(WaterClass.III);
        assertThat(rounded.values().get(DO)).isEqualTo(5.0);
        assertThat(full.waterClass()).isEqualTo(WaterClass.IV);
        // NH3-N 0.504 → 0.50: II; the full value is over 0.5: III
        assertThat(WaterEvaluation.of(Concentrations.of(NH3N, 0.504), WaterBody.RIVER, WaterOptions.defaults()).waterClass())
                .isEqualTo(WaterClass.II);
        assertThat(WaterEvaluation.of(Concentrations.of(NH3N, 0.504), WaterBody.RIVER,
                WaterOptions.defaults().withRounding(WaterRounding.NONE)).waterClass()).isEqualTo(WaterClass.III);
    }

    @Test
    void phDecimalsAreAnOption() {
        // pH 5.9 is 劣V at two decimals; rounded to an integer (another reading of the 2020 table) it is 6, class I
        Concentrations v = Concentrations.of(PH, 5.9);
        assertThat(WaterEvaluation.of(v, WaterBody.RIVER, WaterOptions.defaults()).waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        WaterOptions integerPh = WaterOptions.defaults().withRounding(R.withDecimals(PH, 0));
        assertThat(WaterEvaluation.of(v, WaterBody.RIVER, integerPh).waterClass()).isEqualTo(WaterClass.I);
        assertThat(R.withDecimals(PH, 0).decimals(NH3N)).isEqualTo(2);
        assertThat(R.decimals(PH)).isEqualTo(2);
        assertThatThrownBy(() -> R.withDecimals(PH, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundingAllItemsLeavesMissingOnesMissing() {
        Concentrations v = WaterRounding.RULES_2020.round(Concentrations.of(NH3N, 0.125, TP, 0.0135));
        assertThat(v.get(NH3N)).isEqualTo(0.12);
        assertThat(v.get(TP)).isEqualTo(0.014);
        assertThat(v.has(COD)).isFalse();
        assertThat(WaterRounding.NONE.round(Concentrations.of(NH3N, 0.125)).get(NH3N)).isEqualTo(0.125);
    }

    @Test
    void phMeanThroughHydrogenIons() {
        // pH 6 and 8: H⁺ 1e-6 and 1e-8, mean 5.05e-7, −log10 = 7 − log10(5.05) = 7 − 0.703291 = 6.296709
        assertThat(PhMean.of(6, 8)).isCloseTo(6.296709, within(1e-6));
        assertThat(R.round(PH, PhMean.of(6, 8))).isEqualTo(6.30);
        // pH 7.0, 7.5, 8.0: H⁺ 1e-7, 3.16228e-8, 1e-8; mean 4.72076e-8 → 7.326
        assertThat(PhMean.of(7.0, 7.5, 8.0)).isCloseTo(7.326, within(5e-4));
        assertThat(PhMean.of(7.2)).isCloseTo(7.2, within(1e-12));
        assertThat(PhMean.of(7.2, Double.NaN)).isCloseTo(7.2, within(1e-12));
        assertThat(PhMean.of()).isNaN();
    }

    @Test
    void thePhMeanLiesBetweenTheExtremesAndNeverAboveTheArithmeticMean() {
        RandomCases.check(1000, 70_70L, r -> {
            double[] ph = RandomCases.doubles(r, r.nextInt(1, 30), 4, 10);
            double min = 14;
            double max = 0;
            double sum = 0;
            for (double p : ph) {
                min = Math.min(min, p);
                max = Math.max(max, p);
                sum += p;
            }
            double mean = PhMean.of(ph);
            assertThat(mean).isBetween(min - 1e-9, max + 1e-9);
            assertThat(mean).isLessThanOrEqualTo(sum / ph.length + 1e-9);
        });
    }
}
