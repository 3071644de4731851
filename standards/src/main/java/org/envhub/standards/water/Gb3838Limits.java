package org.envhub.standards.water;

import java.util.EnumMap;
import java.util.Map;

/**
 * The class limits (标准限值) of GB 3838-2002 table 1, classes I to V, in mg/L (fecal coliform per litre).
 *
 * <p>Every item's limit is an upper bound except dissolved oxygen's, which is a lower bound ("at least").
 * pH has one range for all classes, 6 to 9. Total phosphorus has two rows: rivers, and lakes and
 * reservoirs. Several items share a limit between neighbouring classes (COD 15 for I and II, Cu 1.0 for
 * II to V); the better class then applies, which {@link SingleFactorEvaluation} does by testing the
 * classes from I upwards.
 */
public final class Gb3838Limits {

    /** pH must lie in [6, 9] for every class; outside it the item is 劣Ⅴ. */
    public static final double PH_LOW = 6;
    public static final double PH_HIGH = 9;

    /** The table as published (2002 text, as listed in the rulebook section D). */
    static final Gb3838Limits TABLE_2002 = new Gb3838Limits(table2002(), new double[] {0.01, 0.025, 0.05, 0.1, 0.2});

    private final Map<WaterItem, double[]> limits;
    private final double[] lakePhosphorus;

    private Gb3838Limits(Map<WaterItem, double[]> limits, double[] lakePhosphorus) {
        this.limits = limits;
        this.lakePhosphorus = lakePhosphorus;
    }

    private static Map<WaterItem, double[]> table2002() {
        Map<WaterItem, double[]> t = new EnumMap<>(WaterItem.class);
        //                                  I        II       III     IV      V
        t.put(WaterItem.DO, new double[] {7.5, 6, 5, 3, 2});
        t.put(WaterItem.CODMN, new double[] {2, 4, 6, 10, 15});
        t.put(WaterItem.COD, new double[] {15, 15, 20, 30, 40});
        t.put(WaterItem.BOD5, new double[] {3, 3, 4, 6, 10});
        t.put(WaterItem.NH3N, new double[] {0.15, 0.5, 1.0, 1.5, 2.0});
        t.put(WaterItem.TP, new double[] {0.02, 0.1, 0.2, 0.3, 0.4});
        t.put(WaterItem.TN, new double[] {0.2, 0.5, 1.0, 1.5, 2.0});
        t.put(WaterItem.CU, new double[] {0.01, 1.0, 1.0, 1.0, 1.0});
        t.put(WaterItem.ZN, new double[] {0.05, 1.0, 1.0, 2.0, 2.0});
        t.put(WaterItem.F, new double[] {1.0, 1.0, 1.0, 1.5, 1.5});
        t.put(WaterItem.SE, new double[] {0.01, 0.01, 0.01, 0.02, 0.02});
        t.put(WaterItem.AS, new double[] {0.05, 0.05, 0.05, 0.1, 0.1});
        t.put(WaterItem.HG, new double[] {0.00005, 0.00005, 0.0001, 0.001, 0.001});
        t.put(WaterItem.CD, new double[] {0.001, 0.005, 0.005, 0.005, 0.01});
        t.put(WaterItem.CR6, new double[] {0.01, 0.05, 0.05, 0.05, 0.1});
        t.put(WaterItem.PB, new double[] {0.01, 0.01, 0.05, 0.05, 0.1});
        t.put(WaterItem.CN, new double[] {0.005, 0.05, 0.2, 0.2, 0.2});
        t.put(WaterItem.PHENOL, new double[] {0.002, 0.002, 0.005, 0.01, 0.1});
        t.put(WaterItem.PETROLEUM, new double[] {0.05, 0.05, 0.05, 0.5, 1.0});
        t.put(WaterItem.LAS, new double[] {0.2, 0.2, 0.2, 0.3, 0.3});
        t.put(WaterItem.SULFIDE, new double[] {0.05, 0.1, 0.2, 0.5, 1.0});
        t.put(WaterItem.FECAL_COLIFORM, new double[] {200, 2000, 10000, 20000, 40000});
        return t;
    }

    /**
     * The limit of {@code item} for class {@code cls} (I to V) in a water body. Not defined for pH (a range,
     * see {@link #PH_LOW}, {@link #PH_HIGH}) nor for 劣Ⅴ, which has no limit.
     */
    public double limit(WaterItem item, WaterClass cls, WaterBody body) {
        if (item == WaterItem.PH) {
            throw new IllegalArgumentException("pH has a range (6–9), not a limit per class");
        }
        if (cls == WaterClass.WORSE_THAN_V) {
            throw new IllegalArgumentException("劣Ⅴ has no limit: it is everything worse than class V");
        }
        if (item == WaterItem.TP && body.lakeLimits()) {
            return lakePhosphorus[cls.ordinal()];
        }
        return limits.get(item)[cls.ordinal()];
    }

    /** The class III limit (C_III), the yardstick of exceedance multiples and of the CWQI. */
    public double classIII(WaterItem item, WaterBody body) {
        return limit(item, WaterClass.III, body);
    }
}
