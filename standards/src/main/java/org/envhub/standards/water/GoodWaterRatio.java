package org.envhub.standards.water;

import java.util.Collection;
import org.envhub.standards.air.ConcentrationRounding;

/**
 * The good-water ratio (优良水质比例): the share of sections of class I to III. Sections without a class
 * (nothing measured) are left out of both counts.
 */
public final class GoodWaterRatio {

    private GoodWaterRatio() {}

    /** As a fraction; NaN when no section has a class. */
    public static double of(Collection<WaterClass> classes) {
        int n = 0;
        int good = 0;
        for (WaterClass c : classes) {
            if (c != null) {
                n++;
                if (c.isGoodWater()) {
                    good++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) good / n;
    }

    /** In percent with one decimal, half to even, as bulletins write it (28 of 29 sections: 96.6). */
    public static double publishedPercent(Collection<WaterClass> classes) {
        return ConcentrationRounding.round(100 * of(classes), 1);
    }
}
