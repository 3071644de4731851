package org.envhub.standards.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Property checks without a library: runs a check on {@code cases} generated inputs, each from its own
 * seed, and names the seed of a failing case so that it can be replayed.
 */
public final class RandomCases {

    private RandomCases() {}

    public static void check(int cases, long seed, Consumer<SplittableRandom> check) {
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            try {
                check.accept(new SplittableRandom(caseSeed));
            } catch (AssertionError e) {
                throw new AssertionError("case " + i + " (seed " + caseSeed + ") failed: " + e.getMessage(), e);
            }
        }
    }

    /** A double array of length {@code n}, each value in [min, max). */
    public static double[] doubles(SplittableRandom r, int n, double min, double max) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = min + r.nextDouble() * (max - min);
        }
        return v;
    }
}
