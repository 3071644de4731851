package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties that must hold for every concentration, not just the worked ones. */
class AqiPropertiesTest {

    private static double top(AqiRuleSet rules, BreakpointColumn column) {
        double[] bp = rules.breakpoints().column(column);
        return bp[bp.length - 1];
    }

    @Property
    void iaqiNeverFallsWhenTheConcentrationRises(@ForAll AqiRuleSet rules, @ForAll BreakpointColumn column,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double a,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double b) {
        double top = top(rules, column);
        double low = Math.min(a, b) * top;
        double high = Math.max(a, b) * top;
        Breakpoints bp = rules.breakpoints();
        assertThat(bp.iaqi(column, high)).isGreaterThanOrEqualTo(bp.iaqi(column, low));
        assertThat(Breakpoints.roundUp(bp.iaqi(column, high))).isGreaterThanOrEqualTo(Breakpoints.roundUp(bp.iaqi(column, low)));
    }

    @Property
    void everyBreakpointMapsToItsIaqiExactly(@ForAll AqiRuleSet rules, @ForAll BreakpointColumn column, @ForAll @IntRange(min = 0, max = 7) int i) {
        double[] bp = rules.breakpoints().column(column);
        int index = Math.min(i, bp.length - 1);
        assertThat(rules.breakpoints().iaqi(column, bp[index])).isEqualTo(new int[] {0, 50, 100, 150, 200, 300, 400, 500}[index]);
    }

    @Property
    void theRoundedUpIaqiIsTheSmallestIntegerNotBelowTheExactOne(@ForAll BreakpointColumn column, @ForAll @DoubleRange(min = 0, max = 1) double a) {
        double c = a * top(AqiRuleSet.HJ633_2012, column);
        double exact = Breakpoints.TABLE_2012.iaqi(column, c);
        int up = Breakpoints.roundUp(exact);
        assertThat((double) up).isGreaterThanOrEqualTo(exact - 1e-9).isLessThan(exact + 1);
    }

    @Property
    void theAqiIsTheLargestSubIndex(@ForAll AqiRuleSet rules, @ForAll("hours") HourlyConcentrations c) {
        AqiResult r = Aqi.hourly(rules, c);
        int largest = -1;
        for (AqiItem item : new AqiItem[] {AqiItem.SO2, AqiItem.NO2, AqiItem.CO, AqiItem.O3_1H, AqiItem.PM10, AqiItem.PM25}) {
            assertThat(r.subIndex(item)).isBetween(0, 500);
            largest = Math.max(largest, r.subIndex(item));
        }
        int max = largest;
        assertThat(r.aqi()).isEqualTo(max);
        assertThat(r.primary()).allSatisfy(item -> assertThat(r.subIndex(item)).isEqualTo(max));
        assertThat(r.primary().isEmpty()).isEqualTo(max <= 50);
        assertThat(r.level().lowest()).isLessThanOrEqualTo(max);
        assertThat(r.level().highest()).isGreaterThanOrEqualTo(max);
    }

    @Property
    void roundingKeepsTheValueWithinHalfAUnit(@ForAll Pollutant pollutant, @ForAll @DoubleRange(min = 0, max = 1000) double c) {
        double rounded = ConcentrationRounding.round(pollutant, c);
        double unit = pollutant == Pollutant.CO ? 0.1 : 1;
        assertThat(Math.abs(rounded - c)).isLessThanOrEqualTo(unit / 2 + 1e-9);
        assertThat(ConcentrationRounding.round(pollutant, rounded)).isEqualTo(rounded);
    }

    @Provide
    Arbitrary<HourlyConcentrations> hours() {
        Arbitrary<Double> gas = Arbitraries.doubles().between(0, 4000).ofScale(0);
        Arbitrary<Double> co = Arbitraries.doubles().between(0, 200).ofScale(1);
        return Combinators.combine(gas, gas, co, gas, gas, gas, gas, gas)
                .as((so2, no2, carbon, o3, pm10, pm25, pm10Day, pm25Day) ->
                        new HourlyConcentrations(so2, no2, carbon, o3, pm10, pm25, so2, pm10Day, pm25Day));
    }
}
