package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.envhub.standards.testing.RandomCases;
import org.junit.jupiter.api.Test;

class PercentileTest {

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void ninetiethPercentileOfOneToTenIsNinePointOne() {
        // k = 1 + 9 × 0.9 = 9.1, s = 9: X(9) + (X(10) − X(9)) × 0.1 = 9 + 0.1 = 9.1
        assertThat(Percentile.of(ONE_TO_TEN, 90)).isCloseTo(9.1, within(1e-12));
    }

    @Test
    void orderOfTheInputDoesNotMatterAndItIsNotChanged() {
        double[] shuffled = {10, 3, 7, 1, 9, 2, 8, 4, 6, 5};
        assertThat(Percentile.of(shuffled, 90)).isCloseTo(9.1, within(1e-12));
        assertThat(shuffled[0]).isEqualTo(10);
    }

    @Test
    void officialPercentilesOfShortSeries() {
        double[] oneToTwenty = new double[20];
        double[] oneToFiftyOne = new double[51];
        for (int i = 0; i < 51; i++) {
            oneToFiftyOne[i] = i + 1;
            if (i < 20) {
                oneToTwenty[i] = i + 1;
            }
        }
        // P95 of 1..20: k = 1 + 19 × 0.95 = 19.05 → 19 + 0.05 = 19.05 (numpy: 19.05)
        assertThat(Percentile.of(oneToTwenty, 95)).isCloseTo(19.05, within(1e-12));
        // P98 of 1..51: k = 1 + 50 × 0.98 = 50 exactly → X(50) = 50 (an off-by-one gives 50.98 or 51)
        assertThat(Percentile.of(oneToFiftyOne, 98)).isEqualTo(50.0);
        // P50 of 1..10: k = 5.5 → 5.5 (the median)
        assertThat(Percentile.of(ONE_TO_TEN, 50)).isCloseTo(5.5, within(1e-12));
    }

    @Test
    void edges() {
        assertThat(Percentile.of(new double[] {42}, 90)).isEqualTo(42.0);     // n = 1: k = 1
        assertThat(Percentile.of(ONE_TO_TEN, 100)).isEqualTo(10.0);           // k = n: X(n)
        assertThat(Percentile.of(ONE_TO_TEN, 0)).isEqualTo(1.0);              // k = 1: X(1)
        assertThat(Percentile.of(new double[0], 90)).isNaN();
        assertThat(Percentile.of(new double[] {Double.NaN}, 90)).isNaN();
        assertThatThrownBy(() -> Percentile.of(ONE_TO_TEN, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingValuesAreIgnored() {
        double nan = Double.NaN;
        double[] withGaps = {nan, 1, 2, nan, 3, 4, 5, 6, 7, 8, 9, 10, nan};
        assertThat(Percentile.of(withGaps, 90)).isCloseTo(9.1, within(1e-12));
    }

    @Test
    void liesBetweenTheSmallestAndTheLargestValue() {
        RandomCases.check(1000, 1_000L, r -> {
            double[] v = RandomCases.doubles(r, r.nextInt(1, 61), -1e4, 1e4);
            double p = r.nextDouble() * 100;
            double min = java.util.Arrays.stream(v).min().orElseThrow();
            double max = java.util.Arrays.stream(v).max().orElseThrow();
            assertThat(Percentile.of(v, p)).isBetween(min, max);
        });
    }

    @Test
    void neverFallsAsPRises() {
        RandomCases.check(1000, 2_000L, r -> {
            double[] v = RandomCases.doubles(r, r.nextInt(1, 61), -1e4, 1e4);
            double p = r.nextDouble() * 100;
            double q = r.nextDouble() * 100;
            // Linear interpolation may differ from the next order statistic in the last bit; allow that.
            assertThat(Percentile.of(v, Math.min(p, q))).isLessThanOrEqualTo(Percentile.of(v, Math.max(p, q)) + 1e-9);
        });
    }
}
