package org.envhub.standards.air.stats;

import org.envhub.standards.air.ConcentrationRounding;

/**
 * Change rate (变化率) against an earlier period (同比 or 环比): (I_now − I_before)/I_before. Negative
 * means improvement for a concentration or the composite index.
 */
public final class ChangeRate {

    private ChangeRate() {}

    /** As a fraction; NaN when either value is missing or {@code before} is not positive. */
    public static double of(double now, double before) {
        if (!(before > 0) || now != now) {
            return Double.NaN;
        }
        return (now - before) / before;
    }

    /**
     * In percent with one decimal, rounded half to even, as bulletins publish it ("下降 3.2%"). Pass the
     * published values (for the composite index, its two-decimal value), so that the rate can be
     * checked from the bulletin's own figures.
     */
    public static double publishedPercent(double now, double before) {
        return ConcentrationRounding.round(100 * of(now, before), 1);
    }
}
