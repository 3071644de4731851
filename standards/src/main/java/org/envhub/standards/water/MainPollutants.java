package org.envhub.standards.water;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The main pollutants (主要污染指标) of a sample or section whose class is worse than III: the three
 * evaluated items of the worst class, ties between items of the same class broken by the larger
 * exceedance multiple (C − C_III)/C_III. No multiple is computed for pH or DO; where they sit among
 * their class is {@link MainPollutantOptions#phAndDoFirst()}. Only items worse than class III qualify,
 * so a class IV sample with one item at IV has one main pollutant. Items still tied keep table order.
 */
public final class MainPollutants {

    /** At most three are named. */
    public static final int MAX = 3;

    private MainPollutants() {}

    /**
     * @param values  the values the classes were judged on (rounded, if rounding applies)
     * @param classes the item classes of those values
     * @return the main pollutants, worst first; empty when no evaluated item is worse than III
     */
    public static List<MainPollutant> of(WaterRuleSet rules, Concentrations values, Map<WaterItem, WaterClass> classes,
                                         WaterBody body, MainPollutantOptions options) {
        List<MainPollutant> candidates = new ArrayList<>();
        for (WaterItem item : WaterItem.evaluatedItems()) {
            WaterClass cls = classes.get(item);
            if (cls != null && cls.compareTo(WaterClass.III) > 0) {
                candidates.add(new MainPollutant(item, cls, multiple(rules, item, values.get(item), body)));
            }
        }
        Comparator<MainPollutant> order = Comparator.comparing(MainPollutant::itemClass).reversed();
        if (options.toxicFirst()) {
            order = Comparator.<MainPollutant, Boolean>comparing(p -> !p.item().toxic()).thenComparing(order);
        }
        order = order.thenComparing(p -> Double.isNaN(p.multiple()) == options.phAndDoFirst() ? 0 : 1)
                .thenComparing(p -> Double.isNaN(p.multiple()) ? 0 : -p.multiple())
                .thenComparing(p -> p.item().ordinal());
        candidates.sort(order);
        return List.copyOf(candidates.subList(0, Math.min(MAX, candidates.size())));
    }

    /** (C − C_III)/C_III; NaN for pH and DO and for a missing value. */
    public static double multiple(WaterRuleSet rules, WaterItem item, double value, WaterBody body) {
        if (!item.hasExceedanceMultiple() || Double.isNaN(value)) {
            return Double.NaN;
        }
        double c3 = rules.limits().classIII(item, body);
        return (value - c3) / c3;
    }
}
