package org.envhub.standards.water;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The values of the {@link WaterItem}s in one sample or one mean: mg/L, pH unitless, fecal coliform per
 * litre. A missing item is NaN. Immutable.
 */
public final class Concentrations {

    private static final Concentrations EMPTY = new Concentrations(filledWithNaN());

    private final double[] values;

    private Concentrations(double[] values) {
        this.values = values;
    }

    private static double[] filledWithNaN() {
        double[] v = new double[WaterItem.count()];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    public static Concentrations empty() { return EMPTY; }

    public static Concentrations of(Map<WaterItem, Double> values) {
        double[] v = filledWithNaN();
        values.forEach((item, value) -> v[item.ordinal()] = value == null ? Double.NaN : value);
        return new Concentrations(v);
    }

    /** {@code of(PH, 7.2, DO, 6.1, NH3N, 0.42)}: items and values alternating, for tests and examples. */
    public static Concentrations of(Object... itemsAndValues) {
        if (itemsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("give items and values in pairs");
        }
        Map<WaterItem, Double> m = new EnumMap<>(WaterItem.class);
        for (int i = 0; i < itemsAndValues.length; i += 2) {
            m.put((WaterItem) itemsAndValues[i], ((Number) itemsAndValues[i + 1]).doubleValue());
        }
        return of(m);
    }

    /** From an array indexed by {@link WaterItem#ordinal()} (copied). */
    public static Concentrations ofArray(double[] byOrdinal) {
        if (byOrdinal.length != WaterItem.count()) {
            throw new IllegalArgumentException("expected " + WaterItem.count() + " values, got " + byOrdinal.length);
        }
        return new Concentrations(byOrdinal.clone());
    }

    /** The value, or NaN when the item is missing. */
    public double get(WaterItem item) { return values[item.ordinal()]; }

    public boolean has(WaterItem item) { return !Double.isNaN(values[item.ordinal()]); }

    /** A copy with one value replaced (NaN removes it). */
    public Concentrations with(WaterItem item, double value) {
        double[] v = values.clone();
        v[item.ordinal()] = value;
        return new Concentrations(v);
    }

    /** How many items have a value. */
    public int count() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** A copy indexed by {@link WaterItem#ordinal()}. */
    public double[] toArray() { return values.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Concentrations c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(values); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (WaterItem item : WaterItem.values()) {
            if (has(item)) {
                sb.append(sb.length() > 1 ? ", " : "").append(item.column()).append('=').append(get(item));
            }
        }
        return sb.append('}').toString();
    }
}
