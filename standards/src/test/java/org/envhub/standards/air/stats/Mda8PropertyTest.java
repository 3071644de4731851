package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.envhub.standards.testing.RandomCases;
import org.junit.jupiter.api.Test;

/**
 * The fast MDA8 (a sliding sum) against the definition written out plainly: every window of the day
 * summed on its own, the largest valid one taken, 14 of 17 (or the rule's count) needed unless above the limit.
 */
class Mda8PropertyTest {

    /** 3 days of hourly O3 in whole and tenth µg/m³, about a quarter of them missing. */
    static double[] hours(SplittableRandom r) {
        double[] v = new double[72];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(4) == 0 ? Double.NaN : r.nextInt(0, 3001) / 10.0;
        }
        return v;
    }

    @Test
    void equalsTheWindowByWindowDefinition() {
        RandomCases.check(2000, 8_000L, r -> check(hours(r), r.nextInt(-30, 61), r.nextBoolean()));
    }

    private static void check(double[] hourly, int dayStart, boolean reachingBack) {
        Mda8Rule rule = reachingBack ? Mda8Rule.REACHING_BACK_20_OF_24 : Mda8Rule.HJ663_2013;
        double fast = DailyStatistics.mda8(hourly, dayStart, rule, 6, 160);
        double plain = plainMda8(hourly, dayStart, rule, 6, 160);
        // Bit for bit, NaN included: the winning window is summed afresh, so no drift may remain.
        assertThat(Double.doubleToLongBits(fast)).as("fast %s, plain %s", fast, plain).isEqualTo(Double.doubleToLongBits(plain));
    }

    private static double plainMda8(double[] hourly, int dayStart, Mda8Rule rule, int minHours, double keepAbove) {
        double max = Double.NaN;
        int valid = 0;
        for (int e = rule.window().firstEndOffset(); e <= 23; e++) {
            double sum = 0;
            int n = 0;
            for (int h = dayStart + e - 7; h <= dayStart + e; h++) {
                if (h >= 0 && h < hourly.length && !Double.isNaN(hourly[h])) {
                    sum += hourly[h];
                    n++;
                }
            }
            if (n >= minHours) {
                valid++;
                double mean = sum / n;
                if (Double.isNaN(max) || mean > max) {
                    max = mean;
                }
            }
        }
        return valid > 0 && (valid >= rule.minValidWindows() || max > keepAbove) ? max : Double.NaN;
    }
}
