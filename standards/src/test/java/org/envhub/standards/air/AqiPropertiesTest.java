package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.envhub.standards.testing.RandomCases;
import org.junit.jupiter.api.Test;

/** Properties that must hold for every concentration, not just the worked ones: seeded random cases. */
class AqiPropertiesTest {

    private static final AqiRuleSet[] RULES = AqiRuleSet.values();
    private static final BreakpointColumn[] COLUMNS = BreakpointColumn.values();

    private static double top(AqiRuleSet rules, BreakpointColumn column) {
        double[] bp = rules.breakpoints().column(column);
        return bp[bp.length - 1];
    }

    private static AqiRuleSet rules(SplittableRandom r) { return RULES[r.nextInt(RULES.length)]; }

    private static BreakpointColumn column(SplittableRandom r) { return COLUMNS[r.nextInt(COLUMNS.length)]; }

    @Test
    void iaqiNeverFallsWhenTheConcentrationRises() {
        RandomCases.check(2000, 10_000L, r -> {
            AqiRuleSet rules = rules(r);
            BreakpointColumn column = column(r);
            double a = r.nextDouble(), b = r.nextDouble();
            double top = top(rules, column);
            double low = Math.min(a, b) * top;
            double high = Math.max(a, b) * top;
            Breakpoints bp = rules.breakpoints();
            assertThat(bp.iaqi(column, high)).isGreaterThanOrEqualTo(bp.iaqi(column, low));
            assertThat(Breakpoints.roundUp(bp.iaqi(column, high))).isGreaterThanOrEqualTo(Breakpoints.roundUp(bp.iaqi(column, low)));
        });
    }

    @Test
    void everyBreakpointMapsToItsIaqiExactly() {
        int[] iaqi = {0, 50, 100, 150, 200, 300, 400, 500};
        for (AqiRuleSet rules : RULES) {
            for (BreakpointColumn column : COLUMNS) {
                double[] bp = rules.breakpoints().column(column);
                for (int i = 0; i < bp.length; i++) {
                    assertThat(rules.breakpoints().iaqi(column, bp[i])).as("%s %s %s", rules, column, bp[i]).isEqualTo(iaqi[i]);
                }
            }
        }
    }

    @Test
    void theRoundedUpIaqiIsTheSmallestIntegerNotBelowTheExactOne() {
        RandomCases.check(2000, 11_000L, r -> {
            BreakpointColumn column = column(r);
            double c = r.nextDouble() * top(AqiRuleSet.HJ633_2012, column);
            double exact = Breakpoints.TABLE_2012.iaqi(column, c);
            int up = Breakpoints.roundUp(exact);
            assertThat((double) up).isGreaterThanOrEqualTo(exact - 1e-9).isLessThan(exact + 1);
        });
    }

    @Test
    void theAqiIsTheLargestSubIndex() {
        RandomCases.check(2000, 12_000L, r -> {
            AqiRuleSet rules = rules(r);
            double so2 = r.nextInt(0, 4001), no2 = r.nextInt(0, 4001), co = r.nextInt(0, 2001) / 10.0, o3 = r.nextInt(0, 4001);
            double pm10 = r.nextInt(0, 4001), pm25 = r.nextInt(0, 4001), pm10Day = r.nextInt(0, 4001), pm25Day = r.nextInt(0, 4001);
            AqiResult result = Aqi.hourly(rules, new HourlyConcentrations(so2, no2, co, o3, pm10, pm25, so2, pm10Day, pm25Day));
            int largest = -1;
            for (AqiItem item : new AqiItem[] {AqiItem.SO2, AqiItem.NO2, AqiItem.CO, AqiItem.O3_1H, AqiItem.PM10, AqiItem.PM25}) {
                assertThat(result.subIndex(item)).isBetween(0, 500);
                largest = Math.max(largest, result.subIndex(item));
            }
            int max = largest;
            assertThat(result.aqi()).isEqualTo(max);
            assertThat(result.primary()).allSatisfy(item -> assertThat(result.subIndex(item)).isEqualTo(max));
            assertThat(result.primary().isEmpty()).isEqualTo(max <= 50);
            assertThat(result.level().lowest()).isLessThanOrEqualTo(max);
            assertThat(result.level().highest()).isGreaterThanOrEqualTo(max);
        });
    }

    @Test
    void roundingKeepsTheValueWithinHalfAUnit() {
        RandomCases.check(2000, 13_000L, r -> {
            Pollutant pollutant = Pollutant.values()[r.nextInt(Pollutant.values().length)];
            double c = r.nextDouble() * 1000;
            double rounded = ConcentrationRounding.round(pollutant, c);
            double unit = pollutant == Pollutant.CO ? 0.1 : 1;
            assertThat(Math.abs(rounded - c)).isLessThanOrEqualTo(unit / 2 + 1e-9);
            assertThat(ConcentrationRounding.round(pollutant, rounded)).isEqualTo(rounded);
        });
    }
}
