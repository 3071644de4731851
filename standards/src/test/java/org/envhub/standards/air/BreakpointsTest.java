package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HJ 633 table 1, retyped from the standard, against {@link Breakpoints}. */
class BreakpointsTest {

    private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};

    /** HJ 633-2012 table 1 (2620, not the 2602 of some public copies). */
    private static final Map<BreakpointColumn, double[]> TABLE_2012 = Map.of(
            BreakpointColumn.SO2_24H, new double[] {0, 50, 150, 475, 800, 1600, 2100, 2620},
            BreakpointColumn.SO2_1H, new double[] {0, 150, 500, 650, 800},
            BreakpointColumn.NO2_24H, new double[] {0, 40, 80, 180, 280, 565, 750, 940},
            BreakpointColumn.NO2_1H, new double[] {0, 100, 200, 700, 1200, 2340, 3090, 3840},
            BreakpointColumn.PM10_24H, new double[] {0, 50, 150, 250, 350, 420, 500, 600},
            BreakpointColumn.CO_24H, new double[] {0, 2, 4, 14, 24, 36, 48, 60},
            BreakpointColumn.CO_1H, new double[] {0, 5, 10, 35, 60, 90, 120, 150},
            BreakpointColumn.O3_1H, new double[] {0, 160, 200, 300, 400, 800, 1000, 1200},
            BreakpointColumn.O3_8H, new double[] {0, 100, 160, 215, 265, 800},
            BreakpointColumn.PM25_24H, new double[] {0, 35, 75, 115, 150, 250, 350, 500});

    @Test
    void everyBreakpointOf2012MapsExactlyToItsIaqi() {
        for (BreakpointColumn column : BreakpointColumn.values()) {
            double[] bp = TABLE_2012.get(column);
            assertThat(Breakpoints.TABLE_2012.column(column)).as(column.name()).containsExactly(bp);
            for (int i = 0; i < bp.length; i++) {
                assertThat(Breakpoints.TABLE_2012.iaqi(column, bp[i])).as(column + " at " + bp[i]).isEqualTo(IAQI[i]);
            }
        }
    }

    @Test
    void hj633Of2026MovesOnlyTheParticulatesIaqi100Breakpoints() {
        for (BreakpointColumn column : BreakpointColumn.values()) {
            double[] expected = TABLE_2012.get(column).clone();
            if (column == BreakpointColumn.PM25_24H) {
                expected[2] = 60;
            } else if (column == BreakpointColumn.PM10_24H) {
                expected[2] = 120;
            }
            assertThat(Breakpoints.TABLE_2026.column(column)).as(column.name()).containsExactly(expected);
        }
        assertThat(Breakpoints.TABLE_2026.iaqi(BreakpointColumn.PM25_24H, 60)).isEqualTo(100);
        assertThat(Breakpoints.TABLE_2026.iaqi(BreakpointColumn.PM10_24H, 120)).isEqualTo(100);
        assertThat(Breakpoints.TABLE_2026.iaqi(BreakpointColumn.PM25_24H, 35)).isEqualTo(50);
    }

    /** Worked by hand: IAQI = (IAQI_hi − IAQI_lo)/(BP_hi − BP_lo) × (C − BP_lo) + IAQI_lo, rounded up. */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "SO2_24H, 20, 20", "SO2_24H, 100, 75", "SO2_24H, 300, 124", "SO2_24H, 1000, 225", "SO2_24H, 2400, 458",
        "SO2_1H, 75, 25", "SO2_1H, 151, 51", "SO2_1H, 600, 134", "SO2_1H, 799, 200",
        "NO2_24H, 41, 52", "NO2_24H, 100, 110", "NO2_24H, 500, 278", "NO2_24H, 900, 479",
        "NO2_1H, 150, 75", "NO2_1H, 450, 125", "NO2_1H, 2000, 271", "NO2_1H, 3500, 455",
        "PM10_24H, 51, 51", "PM10_24H, 120, 85", "PM10_24H, 300, 175", "PM10_24H, 550, 450",
        "CO_24H, 0.9, 23", "CO_24H, 3.3, 83", "CO_24H, 20, 180", "CO_24H, 50, 417",
        "CO_1H, 1.2, 12", "CO_1H, 7.5, 75", "CO_1H, 50, 180", "CO_1H, 140, 467",
        "O3_1H, 161, 52", "O3_1H, 250, 125", "O3_1H, 600, 250", "O3_1H, 1100, 450",
        "O3_8H, 101, 51", "O3_8H, 180, 119", "O3_8H, 240, 175", "O3_8H, 500, 244",
        "PM25_24H, 36, 52", "PM25_24H, 50, 69", "PM25_24H, 130, 172", "PM25_24H, 400, 434",
    })
    void workedValuesBetweenBreakpoints(BreakpointColumn column, double c, int expected) {
        assertThat(Breakpoints.roundUp(Breakpoints.TABLE_2012.iaqi(column, c))).isEqualTo(expected);
    }

    @Test
    void aboveTheTopOfAFullColumnIs500AndOfAShortOneIsBeyond() {
        assertThat(Breakpoints.TABLE_2012.iaqi(BreakpointColumn.PM25_24H, 501)).isEqualTo(500);
        assertThat(Breakpoints.TABLE_2012.iaqi(BreakpointColumn.CO_1H, 1000)).isEqualTo(500);
        assertThat(Breakpoints.TABLE_2012.iaqi(BreakpointColumn.SO2_1H, 800.5)).isEqualTo(Breakpoints.BEYOND_COLUMN);
        assertThat(Breakpoints.TABLE_2012.iaqi(BreakpointColumn.O3_8H, 801)).isEqualTo(Breakpoints.BEYOND_COLUMN);
    }

    @Test
    void missingOrNegativeConcentrationsHaveNoIaqi() {
        assertThat(Breakpoints.TABLE_2012.iaqi(BreakpointColumn.PM25_24H, Double.NaN)).isNaN();
        assertThat(Breakpoints.TABLE_2012.iaqi(BreakpointColumn.PM25_24H, -1)).isNaN();
    }

    @Test
    void roundingUpIgnoresBinaryNoiseButNotRealFractions() {
        assertThat(Breakpoints.roundUp(1.2 * 25)).isEqualTo(30); // 29.999999999999996
        assertThat(Breakpoints.roundUp(50.0)).isEqualTo(50);
        assertThat(Breakpoints.roundUp(50.001)).isEqualTo(51);
        assertThat(Breakpoints.roundUp(0)).isZero();
    }
}
