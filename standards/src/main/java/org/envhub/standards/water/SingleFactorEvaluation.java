package org.envhub.standards.water;

import java.util.EnumMap;
import java.util.Map;

/**
 * The single-factor method (单因子评价法): each item's class from its value, and a sample's class as the
 * worst class of its 21 evaluated items.
 *
 * <ul>
 *   <li>Upper-bound items take the best class whose limit the value does not exceed, so a value on a
 *       limit shared by two classes takes the better one: COD 15 is class I, not II.</li>
 *   <li>Dissolved oxygen takes the best class whose lower bound it reaches: DO 6 is class II, DO 1.9 is
 *       劣Ⅴ.</li>
 *   <li>pH inside 6–9 (ends included) is class I, so it never worsens a sample; outside it, 劣Ⅴ.</li>
 *   <li>Above the class V limit (below it for DO): 劣Ⅴ.</li>
 * </ul>
 * Values are compared as given: round them first ({@link WaterRounding}) to compare rounded values, as
 * {@link WaterEvaluation} does. A value within a billionth of a limit counts as on it, so that binary
 * floating point cannot push a mean such as 0.15000000000000002 over the limit 0.15.
 */
public final class SingleFactorEvaluation {

    private static final double TOLERANCE = 1e-9;

    private SingleFactorEvaluation() {}

    /** The class of one item's value; null for a missing (NaN) value. */
    public static WaterClass itemClass(WaterRuleSet rules, WaterItem item, double value, WaterBody body) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (item == WaterItem.PH) {
            boolean inside = value >= Gb3838Limits.PH_LOW - TOLERANCE && value <= Gb3838Limits.PH_HIGH + TOLERANCE;
            return inside ? WaterClass.I : WaterClass.WORSE_THAN_V;
        }
        Gb3838Limits limits = rules.limits();
        for (WaterClass cls = WaterClass.I; cls != WaterClass.WORSE_THAN_V; cls = WaterClass.ofNumber(cls.number() + 1)) {
            double limit = limits.limit(item, cls, body);
            boolean meets = item.lowerBound()
                    ? value >= limit * (1 - TOLERANCE)
                    : value <= limit * (1 + TOLERANCE);
            if (meets) {
                return cls;
            }
        }
        return WaterClass.WORSE_THAN_V;
    }

    /** The class of every item present, TN and fecal coliform included. */
    public static Map<WaterItem, WaterClass> itemClasses(WaterRuleSet rules, Concentrations values, WaterBody body) {
        Map<WaterItem, WaterClass> classes = new EnumMap<>(WaterItem.class);
        for (WaterItem item : WaterItem.values()) {
            WaterClass cls = itemClass(rules, item, values.get(item), body);
            if (cls != null) {
                classes.put(item, cls);
            }
        }
        return classes;
    }

    /**
     * The class of a sample: the worst over the evaluated items present (TN and fecal coliform do not
     * count). Null when no evaluated item is present.
     */
    public static WaterClass sampleClass(WaterRuleSet rules, Concentrations values, WaterBody body) {
        WaterClass worst = null;
        for (WaterItem item : WaterItem.evaluatedItems()) {
            worst = WaterClass.worse(worst, itemClass(rules, item, values.get(item), body));
        }
        return worst;
    }
}
