package org.envhub.standards.water;

import java.util.List;
import org.envhub.standards.air.stats.ChangeRate;
import org.envhub.standards.air.stats.Ranking;

/**
 * The city water quality index (城市水质指数, CWQI) of the 2017 city ranking rule: lower is better.
 *
 * <ul>
 *   <li>Per item, its value over the class III limit: C/C_III (TP against the lake limit 0.05 in a lake
 *       or reservoir, the river limit 0.2 otherwise).</li>
 *   <li>DO, where more is better: 5/C.</li>
 *   <li>pH: (7 − pH)/1 at or below 7, (pH − 7)/2 above, i.e. the distance from 7 over the distance from 7
 *       to the edge of the 6–9 range on that side.</li>
 *   <li>A section's CWQI is the sum over the 21 evaluated items; missing items, see
 *       {@link CwqiMissingItems}. A city's is the mean over its sections.</li>
 * </ul>
 * A DO of 0 gives an infinite index; such a section ranks last.
 *
 * @param value the index; NaN when it cannot be computed
 * @param items how many items were summed (21 when complete)
 */
public record Cwqi(double value, int items) {

    /** The 2017 rule sums over all 21 evaluated items. */
    public static final int ALL_ITEMS = 21;

    private static final Cwqi NONE = new Cwqi(Double.NaN, 0);

    public boolean complete() { return items == ALL_ITEMS; }

    public boolean isMissing() { return Double.isNaN(value); }

    /** One item's index; NaN for a missing value, TN or fecal coliform (not in the CWQI). */
    public static double itemIndex(WaterRuleSet rules, WaterItem item, double value, WaterBody body) {
        if (Double.isNaN(value) || !item.evaluated()) {
            return Double.NaN;
        }
        return switch (item) {
            case PH -> value <= 7 ? (7 - value) / 1 : (value - 7) / 2;
            case DO -> rules.limits().classIII(WaterItem.DO, body) / value;
            default -> value / rules.limits().classIII(item, body);
        };
    }

    /** A section's CWQI from its (period-mean, rounded) values. */
    public static Cwqi ofSection(WaterRuleSet rules, Concentrations values, WaterBody body, CwqiMissingItems missing) {
        double sum = 0;
        int n = 0;
        for (WaterItem item : WaterItem.evaluatedItems()) {
            double index = itemIndex(rules, item, values.get(item), body);
            if (!Double.isNaN(index)) {
                sum += index;
                n++;
            }
        }
        if (n == 0 || (missing == CwqiMissingItems.NOT_COMPUTED && n < ALL_ITEMS)) {
            return new Cwqi(Double.NaN, n);
        }
        return new Cwqi(sum, n);
    }

    /**
     * A city's CWQI: the mean of its sections' values. NaN if it has no sections or any section's CWQI
     * is missing (a city is not ranked on part of its sections). {@link #items()} is the fewest items
     * any of its sections summed.
     */
    public static Cwqi ofCity(List<Cwqi> sections) {
        if (sections.isEmpty()) {
            return NONE;
        }
        double sum = 0;
        int fewest = ALL_ITEMS;
        for (Cwqi s : sections) {
            if (s.isMissing()) {
                return new Cwqi(Double.NaN, Math.min(fewest, s.items));
            }
            sum += s.value;
            fewest = Math.min(fewest, s.items);
        }
        return new Cwqi(sum / sections.size(), fewest);
    }

    /**
     * Ranks ascending (1 = best water), on the values as published at {@code decimals} (half to even), so
     * that values published alike share a rank and the next rank skips (1, 2, 2, 4). NaN is not ranked
     * (rank 0).
     */
    public static int[] rank(double[] values, int decimals) {
        return Ranking.ascendingPublished(values, decimals);
    }

    /** Change against an earlier period (同比/环比), as a fraction: (now − before)/before; negative is better. */
    public static double changeRate(double now, double before) {
        return ChangeRate.of(now, before);
    }
}
