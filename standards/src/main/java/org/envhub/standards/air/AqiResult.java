package org.envhub.standards.air;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * An AQI with its individual indices, primary pollutants (首要污染物) and level, under one rule set.
 * Missing values are {@link #MISSING}.
 */
public final class AqiResult {

    public static final int MISSING = -1;

    private final AqiRuleSet ruleSet;
    private final int[] subIndex;
    private final int aqi;
    private final int primaryMask;

    AqiResult(AqiRuleSet ruleSet, int[] subIndex, int aqi) {
        this.ruleSet = ruleSet;
        this.subIndex = subIndex;
        this.aqi = aqi;
        int mask = 0;
        // The primary pollutant exists only above 50, and every item tied at the (rounded-up) top is one.
        if (aqi > 50) {
            for (AqiItem item : AqiItem.VALUES) {
                if (subIndex[item.ordinal()] == aqi) {
                    mask |= item.bit();
                }
            }
        }
        this.primaryMask = mask;
    }

    public AqiRuleSet ruleSet() { return ruleSet; }

    /** The AQI, or {@link #MISSING} when the rule set says it is not available (NA). */
    public int aqi() { return aqi; }

    public boolean hasAqi() { return aqi != MISSING; }

    /** The individual index of an item, or {@link #MISSING}. */
    public int subIndex(AqiItem item) { return subIndex[item.ordinal()]; }

    public AqiLevel level() { return AqiLevel.of(aqi); }

    public List<AqiItem> primary() { return items(primaryMask); }

    /** Primary pollutants by short label joined with {@code +}, e.g. {@code PM10+PM2.5}; empty if none. */
    public String primaryLabel() {
        StringJoiner joiner = new StringJoiner("+");
        primary().forEach(item -> joiner.add(item.label()));
        return joiner.toString();
    }

    /**
     * Primary pollutants by their official Chinese names, as the national platform publishes them:
     * ties joined by an ASCII comma, in the order of HJ 633 table 1 (SO2, NO2, PM10, CO, O3, PM2.5),
     * e.g. {@code 颗粒物(PM10),臭氧1小时}. The data shows PM10 before O3 1h and PM10 before PM2.5;
     * the places of the other pairs follow the table and are not yet seen in published data.
     */
    public String primaryOfficialName() {
        StringJoiner joiner = new StringJoiner(",");
        for (AqiItem item : OFFICIAL_ORDER) {
            if ((primaryMask & item.bit()) != 0) {
                joiner.add(item.officialName());
            }
        }
        return joiner.toString();
    }

    /** HJ 633 table 1 order, which the platform follows when it lists tied primary pollutants. */
    private static final AqiItem[] OFFICIAL_ORDER = {
        AqiItem.SO2, AqiItem.NO2, AqiItem.PM10, AqiItem.CO, AqiItem.O3_1H, AqiItem.O3_8H, AqiItem.PM25
    };

    /** Items with an IAQI above 100 (超标污染物); HJ 633-2026 deleted the notion, so it is empty there. */
    public List<AqiItem> exceeding() {
        if (!ruleSet.listsExceedingPollutants()) {
            return List.of();
        }
        int mask = 0;
        for (AqiItem item : AqiItem.VALUES) {
            if (subIndex[item.ordinal()] > 100) {
                mask |= item.bit();
            }
        }
        return items(mask);
    }

    private static List<AqiItem> items(int mask) {
        List<AqiItem> items = new ArrayList<>(2);
        for (AqiItem item : AqiItem.VALUES) {
            if ((mask & item.bit()) != 0) {
                items.add(item);
            }
        }
        return items;
    }

    @Override
    public String toString() {
        return "AQI " + (hasAqi() ? aqi : "NA") + " " + ruleSet.id() + " " + Arrays.toString(subIndex)
                + (primaryMask == 0 ? "" : " primary " + primaryLabel());
    }
}
