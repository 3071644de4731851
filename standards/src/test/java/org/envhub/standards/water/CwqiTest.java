package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.envhub.standards.water.WaterItem.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CwqiTest {

    private static final WaterRuleSet RULES = WaterRuleSet.GB3838_2002;

    /**
     * All 21 evaluated items, with their indices C/C_III (DO 5/C, pH |pH − 7| over 1 or 2):
     * pH 7.6 0.3, DO 8 0.625, CODMn 3 0.5, COD 12 0.6, BOD5 2 0.5, NH3-N 0.25 0.25, TP 0.1 (river) 0.5,
     * Cu 0.005 0.005, Zn 0.02 0.02, F 0.5 0.5, Se 0.0005 0.05, As 0.002 0.04, Hg 0.00002 0.2,
     * Cd 0.0005 0.1, Cr6+ 0.004 0.08, Pb 0.001 0.02, CN 0.002 0.01, phenol 0.0005 0.1,
     * petroleum 0.01 0.2, LAS 0.05 0.25, sulfide 0.01 0.05. Sum 4.90. TN and fecal coliform are not in it.
     */
    static final Concentrations FULL = Concentrations.of(PH, 7.6, DO, 8, CODMN, 3, COD, 12, BOD5, 2, NH3N, 0.25, TP, 0.1,
            CU, 0.005, ZN, 0.02, F, 0.5, SE, 0.0005, AS, 0.002, HG, 0.00002, CD, 0.0005, CR6, 0.004, PB, 0.001,
            CN, 0.002, PHENOL, 0.0005, PETROLEUM, 0.01, LAS, 0.05, SULFIDE, 0.01, TN, 5.0, FECAL_COLIFORM, 90000);

    @ParameterizedTest(name = "{0} {1} in a {2}: {3}")
    @CsvSource({
            "NH3N, 0.5,   river, 0.5",
            "NH3N, 2.0,   river, 2.0",
            "TP,   0.04,  river, 0.2",
            "TP,   0.04,  lake,  0.8",
            "TP,   0.04,  reservoir, 0.8",
            "DO,   6.25,  river, 0.8",
            "DO,   2.5,   river, 2.0",
            "PH,   7,     river, 0",
            "PH,   6.5,   river, 0.5",
            "PH,   6,     river, 1",
            "PH,   8,     river, 0.5",
            "PH,   9,     river, 1",
            "HG,   0.0002, river, 2.0",
    })
    void itemIndices(WaterItem item, double value, String body, double expected) {
        assertThat(Cwqi.itemIndex(RULES, item, value, WaterBody.parse(body))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aDoOfZeroMakesAnInfiniteIndexThatRanksLast() {
        assertThat(Cwqi.itemIndex(RULES, DO, 0, WaterBody.RIVER)).isInfinite();
        assertThat(Cwqi.rank(new double[] {Double.POSITIVE_INFINITY, 4.9}, 4)).containsExactly(2, 1);
    }

    @Test
    void totalNitrogenAndFecalColiformHaveNoIndex() {
        assertThat(Cwqi.itemIndex(RULES, TN, 1.0, WaterBody.LAKE)).isNaN();
        assertThat(Cwqi.itemIndex(RULES, FECAL_COLIFORM, 1000, WaterBody.RIVER)).isNaN();
        assertThat(Cwqi.itemIndex(RULES, NH3N, Double.NaN, WaterBody.RIVER)).isNaN();
    }

    @Test
    void aSectionSumsItsTwentyOneItems() {
        Cwqi c = Cwqi.ofSection(RULES, FULL, WaterBody.RIVER, CwqiMissingItems.SUM_PRESENT);
        assertThat(c.value()).isCloseTo(4.90, within(1e-9));
        assertThat(c.items()).isEqualTo(21);
        assertThat(c.complete()).isTrue();
        // in a lake TP 0.1 counts 0.1/0.05 = 2.0 instead of 0.5: 4.90 + 1.5 = 6.40
        assertThat(Cwqi.ofSection(RULES, FULL, WaterBody.LAKE, CwqiMissingItems.SUM_PRESENT).value()).isCloseTo(6.40, within(1e-9));
    }

    @Test
    void theSectionEvaluationCarriesTheCwqiOfItsRoundedValues() {
        // rounding changes nothing here (every value already at its decimals)
        assertThat(WaterEvaluation.of(FULL, WaterBody.RIVER, WaterOptions.defaults()).cwqi().value()).isCloseTo(4.90, within(1e-9));
        // NH3-N 0.254 rounds to 0.25: the index stays 0.25
        assertThat(WaterEvaluation.of(FULL.with(NH3N, 0.254), WaterBody.RIVER, WaterOptions.defaults()).cwqi().value())
                .isCloseTo(4.90, within(1e-9));
    }

    @Test
    void aMissingItemIsLeftOutOrStopsTheIndexByOption() {
        // without Cu (0.005): 4.895 over 20 items
        Concentrations noCu = FULL.with(CU, Double.NaN);
        Cwqi partial = Cwqi.ofSection(RULES, noCu, WaterBody.RIVER, CwqiMissingItems.SUM_PRESENT);
        assertThat(partial.value()).isCloseTo(4.895, within(1e-9));
        assertThat(partial.items()).isEqualTo(20);
        assertThat(partial.complete()).isFalse();
        Cwqi none = Cwqi.ofSection(RULES, noCu, WaterBody.RIVER, CwqiMissingItems.NOT_COMPUTED);
        assertThat(none.isMissing()).isTrue();
        assertThat(none.items()).isEqualTo(20);
        assertThat(Cwqi.ofSection(RULES, Concentrations.of(TN, 1.0), WaterBody.RIVER, CwqiMissingItems.SUM_PRESENT).isMissing()).isTrue();
    }

    @Test
    void aCityIsTheMeanOfItsSections() {
        // (4.90 + 6.40) / 2 = 5.65
        Cwqi river = Cwqi.ofSection(RULES, FULL, WaterBody.RIVER, CwqiMissingItems.SUM_PRESENT);
        Cwqi lake = Cwqi.ofSection(RULES, FULL, WaterBody.LAKE, CwqiMissingItems.SUM_PRESENT);
        assertThat(Cwqi.ofCity(List.of(river, lake)).value()).isCloseTo(5.65, within(1e-9));
        assertThat(Cwqi.ofCity(List.of()).isMissing()).isTrue();
        assertThat(Cwqi.ofCity(List.of(river, new Cwqi(Double.NaN, 20))).isMissing()).isTrue();
    }

    @Test
    void rankedAscendingWithTiesSharingARank() {
        // 5.65, 4.90, 5.65, 7.10 → 2, 1, 2, 4; NaN not ranked
        assertThat(Cwqi.rank(new double[] {5.65, 4.90, 5.65, 7.10, Double.NaN}, 4)).containsExactly(2, 1, 2, 4, 0);
        // 4.90004 and 4.89996 both publish as 4.9000 at four decimals: a shared rank
        assertThat(Cwqi.rank(new double[] {4.90004, 4.89996, 4.9002}, 4)).containsExactly(1, 1, 3);
    }

    @Test
    void changeRateAgainstAnEarlierPeriod() {
        // (4.90 − 5.00)/5.00 = −0.02: 2% better
        assertThat(Cwqi.changeRate(4.90, 5.00)).isCloseTo(-0.02, within(1e-12));
        assertThat(Cwqi.changeRate(4.90, Double.NaN)).isNaN();
    }
}
