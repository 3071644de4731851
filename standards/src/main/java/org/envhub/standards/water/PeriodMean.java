package org.envhub.standards.water;

import java.util.List;

/**
 * The mean of each item over several samples (or sections): the arithmetic mean of the values present,
 * except pH, whose mean is taken through H⁺ ({@link PhMean}). Not rounded: rounding comes after the mean.
 * Fecal coliform takes the arithmetic mean too; the rulebook names no other.
 */
public final class PeriodMean {

    private PeriodMean() {}

    public static Concentrations of(List<Concentrations> values) {
        int items = WaterItem.count();
        double[] mean = new double[items];
        for (WaterItem item : WaterItem.values()) {
            int i = item.ordinal();
            if (item == WaterItem.PH) {
                mean[i] = PhMean.of(values.stream().mapToDouble(v -> v.get(WaterItem.PH)).toArray());
                continue;
            }
            double sum = 0;
            int n = 0;
            for (Concentrations v : values) {
                double x = v.get(item);
                if (!Double.isNaN(x)) {
                    sum += x;
                    n++;
                }
            }
            mean[i] = n == 0 ? Double.NaN : sum / n;
        }
        return Concentrations.ofArray(mean);
    }
}
