package org.envhub.standards.water;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules say about one set of values, a sample or a period mean: rounded as the 2020 rule
 * says, each item classified, the class by the single-factor method, the main pollutants when worse than
 * III, and the CWQI.
 *
 * @param rules          the rule set that produced this result
 * @param body           river, lake or reservoir
 * @param values         the values as judged (rounded, unless rounding is off)
 * @param itemClasses    the class of each item present, TN and fecal coliform included
 * @param waterClass     the class over the 21 evaluated items; null when none was measured
 * @param mainPollutants worst first, at most three; empty for class III or better
 * @param cwqi           the section CWQI of these values
 */
public record WaterEvaluation(WaterRuleSet rules, WaterBody body, Concentrations values, Map<WaterItem, WaterClass> itemClasses,
                              WaterClass waterClass, List<MainPollutant> mainPollutants, Cwqi cwqi) {

    public WaterEvaluation {
        EnumMap<WaterItem, WaterClass> copy = new EnumMap<>(WaterItem.class);
        copy.putAll(itemClasses);
        itemClasses = Collections.unmodifiableMap(copy);
        mainPollutants = List.copyOf(mainPollutants);
    }

    /** Rounds, classifies, names the main pollutants and computes the CWQI. */
    public static WaterEvaluation of(Concentrations raw, WaterBody body, WaterOptions options) {
        WaterRuleSet rules = options.rules();
        Concentrations values = options.rounding().round(raw);
        Map<WaterItem, WaterClass> classes = SingleFactorEvaluation.itemClasses(rules, values, body);
        WaterClass cls = SingleFactorEvaluation.sampleClass(rules, values, body);
        List<MainPollutant> main = MainPollutants.of(rules, values, classes, body, options.mainPollutants());
        Cwqi cwqi = Cwqi.ofSection(rules, values, body, options.cwqiMissing());
        return new WaterEvaluation(rules, body, values, classes, cls, main, cwqi);
    }

    public static WaterEvaluation of(WaterSample sample, WaterOptions options) {
        return of(sample.values(), sample.body(), options);
    }

    /** 优, 良好, 轻度污染, 中度污染 or 重度污染; null when there is no class. */
    public WaterQuality quality() { return waterClass == null ? null : waterClass.quality(); }

    /** The class of one item, or null when it was not measured. */
    public WaterClass itemClass(WaterItem item) { return itemClasses.get(item); }

    /** Total nitrogen's class, reported beside the section class but never part of it. */
    public WaterClass totalNitrogenClass() { return itemClasses.get(WaterItem.TN); }

    /** Fecal coliform's class, reported beside the section class but never part of it. */
    public WaterClass fecalColiformClass() { return itemClasses.get(WaterItem.FECAL_COLIFORM); }

    /** The items whose class is the section's class (the ones that decide it). */
    public List<WaterItem> decidingItems() {
        if (waterClass == null) {
            return List.of();
        }
        return WaterItem.evaluatedItems().stream().filter(i -> itemClasses.get(i) == waterClass).toList();
    }
}
