package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envhub.standards.water.WaterBody.LAKE;
import static org.envhub.standards.water.WaterBody.RESERVOIR;
import static org.envhub.standards.water.WaterBody.RIVER;
import static org.envhub.standards.water.WaterItem.*;

import org.envhub.standards.testing.RandomCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SingleFactorEvaluationTest {

    private static final WaterRuleSet RULES = WaterRuleSet.GB3838_2002;

    private static WaterClass cls(WaterItem item, double value, WaterBody body) {
        return SingleFactorEvaluation.itemClass(RULES, item, value, body);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            // NH3-N 0.15 / 0.5 / 1.0 / 1.5 / 2.0: on a limit takes that class, just above takes the next
            "NH3N, 0,     I",
            "NH3N, 0.15,  I",
            "NH3N, 0.16,  II",
            "NH3N, 0.5,   II",
            "NH3N, 0.51,  III",
            "NH3N, 1.0,   III",
            "NH3N, 1.2,   IV",
            "NH3N, 1.5,   IV",
            "NH3N, 1.8,   V",
            "NH3N, 2.0,   V",
            "NH3N, 2.01,  劣V",
            // CODMn 2 / 4 / 6 / 10 / 15
            "CODMN, 2,    I",
            "CODMN, 3,    II",
            "CODMN, 6,    III",
            "CODMN, 8,    IV",
            "CODMN, 15,   V",
            "CODMN, 15.1, 劣V",
            // Hg 0.00005 / 0.00005 / 0.0001 / 0.001 / 0.001
            "HG, 0.00005, I",
            "HG, 0.00006, III",
            "HG, 0.0001,  III",
            "HG, 0.0005,  IV",
            "HG, 0.001,   IV",
            "HG, 0.0011,  劣V",
            // fecal coliform is classified too (per litre), though it never decides a sample's class
            "FECAL_COLIFORM, 200,   I",
            "FECAL_COLIFORM, 10000, III",
            "FECAL_COLIFORM, 40001, 劣V",
    })
    void atAndBetweenTheLimits(WaterItem item, double value, String expected) {
        assertThat(cls(item, value, RIVER)).isEqualTo(WaterClass.parse(expected));
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            // COD 15 / 15 / 20 / 30 / 40: 15 is the limit of I and II, so I; just above skips II altogether
            "COD, 15,     I",
            "COD, 15.5,   III",
            "COD, 20,     III",
            // BOD5 3 / 3 / 4 / 6 / 10
            "BOD5, 3,     I",
            "BOD5, 3.5,   III",
            // Cu 0.01 / 1.0 / 1.0 / 1.0 / 1.0: II to V share 1.0, so above 1.0 is at once 劣V
            "CU, 0.01,    I",
            "CU, 0.5,     II",
            "CU, 1.0,     II",
            "CU, 1.01,    劣V",
            // Zn 0.05 / 1.0 / 1.0 / 2.0 / 2.0
            "ZN, 1.0,     II",
            "ZN, 1.5,     IV",
            "ZN, 2.0,     IV",
            "ZN, 2.1,     劣V",
            // fluoride 1.0 ×3, 1.5 ×2
            "F, 1.0,      I",
            "F, 1.2,      IV",
            "F, 1.6,      劣V",
            // Se 0.01 ×3, 0.02 ×2; As 0.05 ×3, 0.1 ×2
            "SE, 0.01,    I",
            "SE, 0.015,   IV",
            "AS, 0.05,    I",
            "AS, 0.08,    IV",
            "AS, 0.11,    劣V",
            // Cd 0.001 / 0.005 ×3 / 0.01
            "CD, 0.001,   I",
            "CD, 0.003,   II",
            "CD, 0.005,   II",
            "CD, 0.008,   V",
            // Cr6+ 0.01 / 0.05 ×3 / 0.1; Pb 0.01 ×2 / 0.05 ×2 / 0.1
            "CR6, 0.05,   II",
            "CR6, 0.06,   V",
            "PB, 0.01,    I",
            "PB, 0.03,    III",
            "PB, 0.05,    III",
            "PB, 0.07,    V",
            // cyanide 0.005 / 0.05 / 0.2 ×3
            "CN, 0.2,     III",
            "CN, 0.21,    劣V",
            // volatile phenol 0.002 ×2 / 0.005 / 0.01 / 0.1
            "PHENOL, 0.002, I",
            "PHENOL, 0.003, III",
            "PHENOL, 0.05,  V",
            // petroleum 0.05 ×3 / 0.5 / 1.0; LAS 0.2 ×3 / 0.3 ×2; sulfide 0.05 / 0.1 / 0.2 / 0.5 / 1.0
            "PETROLEUM, 0.05, I",
            "PETROLEUM, 0.06, IV",
            "LAS, 0.2,    I",
            "LAS, 0.25,   IV",
            "LAS, 0.31,   劣V",
            "SULFIDE, 0.05, I",
            "SULFIDE, 0.06, II",
    })
    void sharedLimitsGiveTheBetterClass(WaterItem item, double value, String expected) {
        assertThat(cls(item, value, RIVER)).isEqualTo(WaterClass.parse(expected));
    }

    @ParameterizedTest(name = "DO {0} is {1}")
    @CsvSource({
            // at least 7.5 / 6 / 5 / 3 / 2: a lower bound, on it meets it
            "9.0, I",
            "7.5, I",
            "7.4, II",
            "6,   II",
            "5.9, III",
            "5,   III",
            "4.9, IV",
            "3,   IV",
            "2.9, V",
            "2,   V",
            "1.9, 劣V",
            "0,   劣V",
    })
    void dissolvedOxygenIsALowerBound(double value, String expected) {
        assertThat(cls(DO, value, RIVER)).isEqualTo(WaterClass.parse(expected));
    }

    @ParameterizedTest(name = "pH {0} is {1}")
    @CsvSource({
            "5.9, 劣V",
            "6,   I",
            "7.3, I",
            "9,   I",
            "9.1, 劣V",
            "3.2, 劣V",
    })
    void phInsideSixToNineIsClassOneOutsideWorseThanV(double value, String expected) {
        assertThat(cls(PH, value, RIVER)).isEqualTo(WaterClass.parse(expected));
        assertThat(cls(PH, value, LAKE)).isEqualTo(WaterClass.parse(expected));
    }

    @ParameterizedTest(name = "TP {0}: river {1}, lake {2}")
    @CsvSource({
            // river 0.02 / 0.1 / 0.2 / 0.3 / 0.4; lake and reservoir 0.01 / 0.025 / 0.05 / 0.1 / 0.2
            "0.01,  I,   I",
            "0.02,  I,   II",
            "0.025, II,  II",
            "0.04,  II,  III",
            "0.05,  II,  III",
            "0.08,  II,  IV",
            "0.1,   II,  IV",
            "0.15,  III, V",
            "0.2,   III, V",
            "0.25,  IV,  劣V",
            "0.4,   V,   劣V",
            "0.41,  劣V, 劣V",
    })
    void lakesAndReservoirsTakeTheLakePhosphorusLimits(double tp, String river, String lake) {
        assertThat(cls(TP, tp, RIVER)).isEqualTo(WaterClass.parse(river));
        assertThat(cls(TP, tp, LAKE)).isEqualTo(WaterClass.parse(lake));
        assertThat(cls(TP, tp, RESERVOIR)).isEqualTo(WaterClass.parse(lake));
    }

    @Test
    void aSampleTakesTheWorstClassOfItsEvaluatedItems() {
        // pH I, DO 6.5 II, CODMn 5 III, NH3-N 1.2 IV → IV
        Concentrations v = Concentrations.of(PH, 7.4, DO, 6.5, CODMN, 5, NH3N, 1.2, TP, 0.1);
        assertThat(SingleFactorEvaluation.sampleClass(RULES, v, RIVER)).isEqualTo(WaterClass.IV);
        // the same values in a lake: TP 0.1 is IV there too, still IV; TP 0.15 would make it V
        assertThat(SingleFactorEvaluation.sampleClass(RULES, v.with(TP, 0.15), LAKE)).isEqualTo(WaterClass.V);
        assertThat(SingleFactorEvaluation.sampleClass(RULES, v.with(TP, 0.15), RIVER)).isEqualTo(WaterClass.IV);
    }

    @Test
    void totalNitrogenAndFecalColiformNeverDecideTheClass() {
        // TN 3.0 and fecal coliform 50000 are both 劣V, but reported apart: the sample stays II
        Concentrations v = Concentrations.of(DO, 6.5, NH3N, 0.3, TN, 3.0, FECAL_COLIFORM, 50000);
        assertThat(SingleFactorEvaluation.sampleClass(RULES, v, LAKE)).isEqualTo(WaterClass.II);
        assertThat(SingleFactorEvaluation.itemClasses(RULES, v, LAKE))
                .containsEntry(TN, WaterClass.WORSE_THAN_V)
                .containsEntry(FECAL_COLIFORM, WaterClass.WORSE_THAN_V)
                .containsEntry(NH3N, WaterClass.II)
                .doesNotContainKey(COD);
    }

    @Test
    void aPhOutsideTheRangeMakesTheSampleWorseThanV() {
        Concentrations v = Concentrations.of(PH, 9.1, DO, 8, NH3N, 0.1);
        assertThat(SingleFactorEvaluation.sampleClass(RULES, v, RIVER)).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(SingleFactorEvaluation.sampleClass(RULES, v.with(PH, 9.0), RIVER)).isEqualTo(WaterClass.I);
    }

    @Test
    void withNoEvaluatedItemThereIsNoClass() {
        assertThat(SingleFactorEvaluation.sampleClass(RULES, Concentrations.of(TN, 0.4), RIVER)).isNull();
        assertThat(SingleFactorEvaluation.sampleClass(RULES, Concentrations.empty(), RIVER)).isNull();
        assertThat(cls(NH3N, Double.NaN, RIVER)).isNull();
    }

    @Test
    void aMeanThatFloatingPointPutsAHairAboveALimitStillMeetsIt() {
        // (0.1 + 0.2) / 2 = 0.15000000000000002 in binary: it is the limit 0.15, so class I
        double mean = (0.1 + 0.2) / 2;
        assertThat(mean).isGreaterThan(0.15);
        assertThat(cls(NH3N, mean, RIVER)).isEqualTo(WaterClass.I);
    }

    @Test
    void aHigherValueIsNeverABetterClass() {
        // upper-bound items: class never improves as the value rises; DO: never worsens as it rises
        RandomCases.check(2000, 38_38L, r -> {
            WaterItem item = WaterItem.values()[r.nextInt(1, WaterItem.count())];
            WaterBody body = WaterBody.values()[r.nextInt(3)];
            double a = r.nextDouble() * 3 * (item == FECAL_COLIFORM ? 20000 : item == DO ? 5 : 1);
            double b = a + r.nextDouble() * a;
            WaterClass ca = cls(item, a, body);
            WaterClass cb = cls(item, b, body);
            if (item.lowerBound()) {
                assertThat(cb).isLessThanOrEqualTo(ca);
            } else {
                assertThat(cb).isGreaterThanOrEqualTo(ca);
            }
        });
    }
}
