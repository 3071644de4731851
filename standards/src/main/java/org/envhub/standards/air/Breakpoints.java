package org.envhub.standards.air;

import java.util.EnumMap;
import java.util.Map;

/**
 * The IAQI breakpoints of HJ 633 table 1, and the linear interpolation between them.
 *
 * <p>The segments share their end points (this is not the US EPA's 51/101 banding). Columns that
 * stop early (SO2 1h at 800, O3 8h at 800) return {@link #BEYOND_COLUMN} above their last
 * breakpoint, and the rule set decides what that means.
 */
public final class Breakpoints {

    /** Returned by {@link #iaqi} when the column has no segment for the value (SO2 1h, O3 8h > 800). */
    public static final double BEYOND_COLUMN = -2;

    static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};

    private static final Map<BreakpointColumn, double[]> HJ633_2012 = new EnumMap<>(BreakpointColumn.class);
    private static final Map<BreakpointColumn, double[]> HJ633_2026 = new EnumMap<>(BreakpointColumn.class);

    static {
        HJ633_2012.put(BreakpointColumn.SO2_24H, new double[] {0, 50, 150, 475, 800, 1600, 2100, 2620});
        HJ633_2012.put(BreakpointColumn.SO2_1H, new double[] {0, 150, 500, 650, 800});
        HJ633_2012.put(BreakpointColumn.NO2_24H, new double[] {0, 40, 80, 180, 280, 565, 750, 940});
        HJ633_2012.put(BreakpointColumn.NO2_1H, new double[] {0, 100, 200, 700, 1200, 2340, 3090, 3840});
        HJ633_2012.put(BreakpointColumn.PM10_24H, new double[] {0, 50, 150, 250, 350, 420, 500, 600});
        HJ633_2012.put(BreakpointColumn.CO_24H, new double[] {0, 2, 4, 14, 24, 36, 48, 60});
        HJ633_2012.put(BreakpointColumn.CO_1H, new double[] {0, 5, 10, 35, 60, 90, 120, 150});
        HJ633_2012.put(BreakpointColumn.O3_1H, new double[] {0, 160, 200, 300, 400, 800, 1000, 1200});
        HJ633_2012.put(BreakpointColumn.O3_8H, new double[] {0, 100, 160, 215, 265, 800});
        HJ633_2012.put(BreakpointColumn.PM25_24H, new double[] {0, 35, 75, 115, 150, 250, 350, 500});

        HJ633_2026.putAll(HJ633_2012);
        // HJ 633-2026 moves only the IAQI-100 breakpoints of the particulates.
        HJ633_2026.put(BreakpointColumn.PM10_24H, new double[] {0, 50, 120, 250, 350, 420, 500, 600});
        HJ633_2026.put(BreakpointColumn.PM25_24H, new double[] {0, 35, 60, 115, 150, 250, 350, 500});
    }

    private final double[][] columns = new double[BreakpointColumn.values().length][];
    /** IAQI per unit of concentration on each segment, so that the hot path multiplies instead of dividing. */
    private final double[][] slopes = new double[BreakpointColumn.values().length][];

    private Breakpoints(Map<BreakpointColumn, double[]> table) {
        table.forEach((column, values) -> {
            columns[column.ordinal()] = values;
            double[] slope = new double[values.length];
            for (int i = 1; i < values.length; i++) {
                slope[i] = (IAQI[i] - IAQI[i - 1]) / (values[i] - values[i - 1]);
            }
            slopes[column.ordinal()] = slope;
        });
    }

    static final Breakpoints TABLE_2012 = new Breakpoints(HJ633_2012);
    static final Breakpoints TABLE_2026 = new Breakpoints(HJ633_2026);

    /** A copy of the concentrations of one column, starting with 0. */
    public double[] column(BreakpointColumn column) {
        return columns[column.ordinal()].clone();
    }

    /**
     * The exact (unrounded) IAQI of concentration {@code c}: NaN for a missing or negative value,
     * 500 above the top of a full column, {@link #BEYOND_COLUMN} above the top of a short one.
     */
    public double iaqi(BreakpointColumn column, double c) {
        if (!(c >= 0)) {
            return Double.NaN;
        }
        double[] bp = columns[column.ordinal()];
        for (int i = 1; i < bp.length; i++) {
            if (c <= bp[i]) {
                // At a breakpoint the IAQI is exact; in between, the last-bit error of the product is
                // absorbed by roundUp's tolerance.
                return c == bp[i] ? IAQI[i] : IAQI[i - 1] + slopes[column.ordinal()][i] * (c - bp[i - 1]);
            }
        }
        return bp.length == IAQI.length ? 500 : BEYOND_COLUMN;
    }

    /**
     * Rounds an IAQI up, as HJ 633 requires. A result within 1e-9 of an integer is that integer, so
     * that binary floating point (CO 1.2 × 25 = 29.999999999999996) does not push it up a unit.
     */
    public static int roundUp(double iaqi) {
        return (int) Math.ceil(iaqi - 1e-9);
    }
}
