package org.envhub.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.envhub.standards.water.WaterItem.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainPollutantsTest {

    private static final WaterOptions DEFAULTS = WaterOptions.defaults();

    private static WaterEvaluation river(Object... itemsAndValues) {
        return WaterEvaluation.of(Concentrations.of(itemsAndValues), WaterBody.RIVER, DEFAULTS);
    }

    private static List<WaterItem> items(WaterEvaluation e) {
        return e.mainPollutants().stream().map(MainPollutant::item).toList();
    }

    private static String written(WaterEvaluation e) {
        return MainPollutant.format(e.mainPollutants(), 2, false);
    }

    @Test
    void classThreeOrBetterHasNone() {
        WaterEvaluation e = river(NH3N, 1.0, CODMN, 6, TP, 0.2, DO, 5);
        assertThat(e.waterClass()).isEqualTo(WaterClass.III);
        assertThat(e.mainPollutants()).isEmpty();
    }

    @Test
    void tiesWithinAClassAreBrokenByTheExceedanceMultiple() {
        // all class IV; multiples over class III:
        //   NH3-N 1.45: (1.45 − 1.0)/1.0 = 0.45
        //   CODMn 8:    (8 − 6)/6       = 0.333…
        //   TP 0.26:    (0.26 − 0.2)/0.2 = 0.30
        //   BOD5 5:     (5 − 4)/4       = 0.25   (fourth, left out)
        WaterEvaluation e = river(NH3N, 1.45, CODMN, 8, TP, 0.26, BOD5, 5);
        assertThat(e.waterClass()).isEqualTo(WaterClass.IV);
        assertThat(items(e)).containsExactly(NH3N, CODMN, TP);
        assertThat(e.mainPollutants().get(1).multiple()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(written(e)).isEqualTo("NH3-N(0.45)+CODMn(0.33)+TP(0.30)");
    }

    @Test
    void aWorseClassBeatsALargerMultiple() {
        //   TP 0.45 (river):  劣V, (0.45 − 0.2)/0.2 = 1.25
        //   NH3-N 1.9:        V,   0.90
        //   COD 35:           V,   (35 − 20)/20 = 0.75
        //   CODMn 9.9:        IV,  (9.9 − 6)/6 = 0.65 — a larger multiple than COD's, but a better class
        WaterEvaluation e = river(TP, 0.45, NH3N, 1.9, COD, 35, CODMN, 9.9);
        assertThat(e.waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(items(e)).containsExactly(TP, NH3N, COD);
        assertThat(written(e)).isEqualTo("TP(1.25)+NH3-N(0.90)+COD(0.75)");
    }

    @Test
    void onlyItemsWorseThanThreeAreNamed() {
        // class IV from NH3-N alone; CODMn 5 (III) is not a main pollutant
        WaterEvaluation e = river(NH3N, 1.2, CODMN, 5);
        assertThat(written(e)).isEqualTo("NH3-N(0.20)");
    }

    @Test
    void phAndDoGetNoMultipleAndFollowTheirClassByDefault() {
        // DO 1.5 and NH3-N 2.5 are both 劣V; pH 9.5 too. NH3-N has a multiple (1.50), pH and DO none
        Concentrations v = Concentrations.of(PH, 9.5, DO, 1.5, NH3N, 2.5);
        WaterEvaluation byDefault = WaterEvaluation.of(v, WaterBody.RIVER, DEFAULTS);
        assertThat(written(byDefault)).isEqualTo("NH3-N(1.50)+pH+DO");
        assertThat(byDefault.mainPollutants().get(2).multiple()).isNaN();
        WaterEvaluation first = WaterEvaluation.of(v, WaterBody.RIVER,
                DEFAULTS.withMainPollutants(MainPollutantOptions.defaults().withPhAndDoFirst(true)));
        assertThat(written(first)).isEqualTo("pH+DO+NH3-N(1.50)");
    }

    @Test
    void aWorseDoStillComesBeforeABetterItemWithAMultiple() {
        // DO 2.5 is V; COD 25 is IV (0.25): class first
        assertThat(written(river(DO, 2.5, COD, 25))).isEqualTo("DO+COD(0.25)");
    }

    @Test
    void toxicItemsFirstIsAnOption() {
        // NH3-N 2.5 劣V (1.50); Pb 0.06 V (0.06 − 0.05)/0.05 = 0.20; CODMn 12 V (1.00); TP 0.35 V (0.75)
        Concentrations v = Concentrations.of(NH3N, 2.5, PB, 0.06, CODMN, 12, TP, 0.35);
        assertThat(written(WaterEvaluation.of(v, WaterBody.RIVER, DEFAULTS))).isEqualTo("NH3-N(1.50)+CODMn(1.00)+TP(0.75)");
        WaterOptions toxic = DEFAULTS.withMainPollutants(MainPollutantOptions.defaults().withToxicFirst(true));
        assertThat(written(WaterEvaluation.of(v, WaterBody.RIVER, toxic))).isEqualTo("Pb(0.20)+NH3-N(1.50)+CODMn(1.00)");
    }

    @Test
    void lakeMultiplesUseTheLakeClassThreeLimit() {
        // TP 0.08: river II (no main pollutant); lake IV with (0.08 − 0.05)/0.05 = 0.60
        Concentrations v = Concentrations.of(TP, 0.08);
        assertThat(WaterEvaluation.of(v, WaterBody.RIVER, DEFAULTS).mainPollutants()).isEmpty();
        assertThat(written(WaterEvaluation.of(v, WaterBody.LAKE, DEFAULTS))).isEqualTo("TP(0.60)");
    }

    @Test
    void multiplesAreTakenOnTheRoundedValue() {
        // NH3-N 1.5249 is judged as 1.52 (class V): multiple 0.52, not 0.5249
        WaterEvaluation e = river(NH3N, 1.5249);
        assertThat(e.mainPollutants().get(0).multiple()).isCloseTo(0.52, within(1e-12));
    }

    @Test
    void equalClassAndMultipleKeepTableOrder() {
        // COD 25 and BOD5 5: both IV, both (C − C_III)/C_III = 0.25; COD comes first in table 1
        assertThat(items(river(BOD5, 5, COD, 25))).containsExactly(COD, BOD5);
    }

    @Test
    void writtenWithOneDecimalOrInChinese() {
        // NH3-N 1.42 (IV, 0.42), CODMn 8 (IV, 0.333…)
        WaterEvaluation e = river(NH3N, 1.42, CODMN, 8);
        assertThat(MainPollutant.format(e.mainPollutants(), 1, false)).isEqualTo("NH3-N(0.4)+CODMn(0.3)");
        assertThat(MainPollutant.format(e.mainPollutants(), 1, true)).isEqualTo("氨氮(0.4)、高锰酸盐指数(0.3)");
        assertThat(MainPollutants.multiple(WaterRuleSet.GB3838_2002, DO, 1.0, WaterBody.RIVER)).isNaN();
    }
}
