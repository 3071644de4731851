package org.envhub.standards.air.stats;

import java.util.Arrays;

/**
 * Percentiles as HJ 663 (appendix) defines them: sort the n valid values X(1) ≤ … ≤ X(n), let
 * k = 1 + (n−1)·p/100 and s = ⌊k⌋; the p-th percentile is X(s) + (X(s+1) − X(s))·(k − s).
 * This is numpy's {@code linear} method and Excel's {@code PERCENTILE.INC}. NaN values are ignored.
 */
public final class Percentile {

    private Percentile() {}

    /** The p-th percentile (0 ≤ p ≤ 100) of the non-NaN values; NaN when there are none. The input is not changed. */
    public static double of(double[] values, double p) {
        double[] valid = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (v == v) {
                valid[n++] = v;
            }
        }
        Arrays.sort(valid, 0, n);
        return ofSorted(valid, n, p);
    }

    /** The p-th percentile of the first {@code n} values of {@code sorted}, which must be ascending and free of NaN. */
    public static double ofSorted(double[] sorted, int n, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be 0..100: " + p);
        }
        if (n == 0) {
            return Double.NaN;
        }
        // (n−1)·p first, then /100: for a whole p the product is an exact integer and the quotient is
        // correctly rounded, so floor(k) never slips a rank.
        double k = 1 + (n - 1) * p / 100;
        int s = (int) Math.floor(k);
        if (s >= n) {
            return sorted[n - 1];
        }
        double low = sorted[s - 1];
        return low + (sorted[s] - low) * (k - s);
    }
}
