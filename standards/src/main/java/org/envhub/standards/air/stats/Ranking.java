package org.envhub.standards.air.stats;

import java.util.Arrays;
import org.envhub.standards.air.ConcentrationRounding;

/**
 * City ranking (城市排名): ascending, the smallest value ranks 1, and equal values share a rank, the next
 * rank skipping as many places as were shared (1, 2, 2, 4). Values that are NaN are not ranked (rank 0).
 * A rank depends only on the value and the multiset of values, so it is the same however the input
 * is ordered.
 */
public final class Ranking {

    private Ranking() {}

    /** Ranks of the values as given. */
    public static int[] ascending(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> v == v).sorted().toArray();
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            ranks[i] = v == v ? 1 + lowerBound(sorted, v) : 0;
        }
        return ranks;
    }

    /**
     * Ranks on the published values: each value rounded half to even to {@code decimals} first, so that
     * 4.584 and 4.576 (both published as 4.58) share a rank. Composite indices use two decimals.
     */
    public static int[] ascendingPublished(double[] values, int decimals) {
        double[] published = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            published[i] = ConcentrationRounding.round(values[i], decimals);
        }
        return ascending(published);
    }

    /** How many sorted values are strictly below v. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
