package org.envhub.standards.water;

import java.util.Arrays;
import java.util.Objects;
import org.envhub.standards.air.ConcentrationRounding;

/**
 * Rounding of water data before it is judged (数据修约, the 2020 statistics rule): each item rounded half
 * to even (GB/T 8170, 四舍六入五成双) to a fixed number of decimals, and the rounded value compared with
 * the limits (修约值比较法).
 *
 * <p>Decimals by default ({@link #RULES_2020}):
 * <ul>
 *   <li>from the rulebook: NH3-N 2, TP 3, CODMn 1, DO 1, Hg 5;</li>
 *   <li>chosen by envhub, following a public implementation of the 2020 table (not read in the text):
 *       COD 1, BOD5 1, TN 2, Cu 3, Zn 3, F 3, Se 4, As 4, Cd 5, Cr6+ 3, Pb 3, CN 3, phenol 4,
 *       petroleum 2, LAS 2, sulfide 3, fecal coliform 0;</li>
 *   <li>pH 2, envhub's choice: meters read to 0.01, and 5.9 and 9.1 must stay outside 6–9. The public
 *       implementation above rounds pH to an integer, which would make 5.9 a 6 and class I; use
 *       {@code withDecimals(PH, 0)} for that reading.</li>
 * </ul>
 * Every limit of table 1 is unchanged by rounding at these decimals, so no limit moves.
 *
 * <p>{@link #NONE} compares full values instead; it still treats a value within a billionth of a limit
 * as equal to it, so that a mean such as (0.1 + 0.2)/2 = 0.15000000000000002 meets the limit 0.15.
 */
public final class WaterRounding {

    /** The decimals of the 2020 statistics rule, as listed above. */
    public static final WaterRounding RULES_2020 = new WaterRounding(decimals2020());

    /** No rounding: full values are compared with the limits. */
    public static final WaterRounding NONE = new WaterRounding(null);

    private final int[] decimals;

    private WaterRounding(int[] decimals) {
        this.decimals = decimals;
    }

    private static int[] decimals2020() {
        int[] d = new int[WaterItem.count()];
        set(d, 2, WaterItem.PH, WaterItem.NH3N, WaterItem.TN, WaterItem.PETROLEUM, WaterItem.LAS);
        set(d, 1, WaterItem.DO, WaterItem.CODMN, WaterItem.COD, WaterItem.BOD5);
        set(d, 3, WaterItem.TP, WaterItem.CU, WaterItem.ZN, WaterItem.F, WaterItem.CR6, WaterItem.PB, WaterItem.CN, WaterItem.SULFIDE);
        set(d, 4, WaterItem.SE, WaterItem.AS, WaterItem.PHENOL);
        set(d, 5, WaterItem.HG, WaterItem.CD);
        set(d, 0, WaterItem.FECAL_COLIFORM);
        return d;
    }

    private static void set(int[] d, int n, WaterItem... items) {
        for (WaterItem item : items) {
            d[item.ordinal()] = n;
        }
    }

    /** Whether values are rounded at all ({@code false} for {@link #NONE}). */
    public boolean rounds() { return decimals != null; }

    /** Decimals kept for {@code item}; -1 under {@link #NONE}. */
    public int decimals(WaterItem item) { return decimals == null ? -1 : decimals[item.ordinal()]; }

    /** A copy that keeps {@code n} decimals for {@code item} (0 to 9). */
    public WaterRounding withDecimals(WaterItem item, int n) {
        Objects.requireNonNull(item);
        if (n < 0 || n > 9) {
            throw new IllegalArgumentException("decimals must be 0..9: " + n);
        }
        int[] d = decimals == null ? decimals2020() : decimals.clone();
        d[item.ordinal()] = n;
        return new WaterRounding(d);
    }

    /** The value rounded half to even at the item's decimals (unchanged under {@link #NONE}; NaN stays NaN). */
    public double round(WaterItem item, double value) {
        if (decimals == null) {
            return value;
        }
        // The same GB/T 8170 rounding as the air rules, ties recognised within 1e-9 of the last digit.
        return ConcentrationRounding.round(value, decimals[item.ordinal()]);
    }

    /** Every item rounded. */
    public Concentrations round(Concentrations values) {
        if (decimals == null) {
            return values;
        }
        double[] v = values.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = ConcentrationRounding.round(v[i], decimals[i]);
        }
        return Concentrations.ofArray(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaterRounding r && Arrays.equals(decimals, r.decimals);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(decimals); }

    @Override
    public String toString() {
        if (decimals == null) {
            return "none";
        }
        return equals(RULES_2020) ? "2020" : "2020 with changes";
    }
}
