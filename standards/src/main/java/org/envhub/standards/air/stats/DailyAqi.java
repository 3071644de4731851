package org.envhub.standards.air.stats;

import java.util.stream.IntStream;
import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiItem;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.DailyConcentrations;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.RuleChoice;

/**
 * The daily AQI (日空气质量指数) of every series and day of a {@link DailyGrid}, each day under the
 * rule set {@code rules.forDay(day)} (via {@link Aqi#daily}). A day whose AQI is not available (NA) holds
 * {@link AqiResult#MISSING}.
 *
 * <p>Dust exclusion may mark series-days to be rated without PM10 and PM2.5 (see
 * {@link DustExclusion.Scope#STATISTICS_AND_DAILY_AQI}). Those days take the largest IAQI of the
 * remaining items; the rule set's treatment of missing items still applies to the remaining items, but
 * the deliberately left-out particulates do not count as missing.
 */
public final class DailyAqi {

    private static final AqiItem[] WITHOUT_PM_2012 = {AqiItem.SO2, AqiItem.NO2, AqiItem.CO, AqiItem.O3_1H, AqiItem.O3_8H};
    private static final AqiItem[] WITHOUT_PM_2026 = {AqiItem.SO2, AqiItem.NO2, AqiItem.CO, AqiItem.O3_8H};

    private final DailyGrid daily;
    private final AqiRuleSet[] ruleSets;
    private final boolean[][] withoutParticulates;
    /** [series][day] */
    private final int[][] aqi;

    private DailyAqi(DailyGrid daily, AqiRuleSet[] ruleSets, boolean[][] withoutParticulates) {
        this.daily = daily;
        this.ruleSets = ruleSets;
        this.withoutParticulates = withoutParticulates;
        this.aqi = new int[daily.seriesCount()][];
    }

    public static DailyAqi compute(DailyGrid daily, RuleChoice rules) {
        return compute(daily, rules, null);
    }

    /**
     * @param withoutParticulates {@code [series][day]}, true where the day is rated without PM10 and
     *                            PM2.5 (dust); null for none
     */
    public static DailyAqi compute(DailyGrid daily, RuleChoice rules, boolean[][] withoutParticulates) {
        AqiRuleSet[] ruleSets = new AqiRuleSet[daily.days()];
        for (int d = 0; d < ruleSets.length; d++) {
            ruleSets[d] = rules.forDay(daily.dayAt(d));
        }
        DailyAqi result = new DailyAqi(daily, ruleSets, withoutParticulates);
        IntStream.range(0, daily.seriesCount()).parallel().forEach(s -> {
            int[] values = new int[daily.days()];
            for (int d = 0; d < values.length; d++) {
                values[d] = result.aqiOf(s, d);
            }
            result.aqi[s] = values;
        });
        return result;
    }

    public DailyGrid daily() { return daily; }

    /** The rule set that rated day {@code day}. */
    public AqiRuleSet ruleSet(int day) { return ruleSets[day]; }

    /** The AQI, or {@link AqiResult#MISSING}. */
    public int aqi(int series, int day) { return aqi[series][day]; }

    /** The live array of one series' daily AQI; do not modify. */
    public int[] values(int series) { return aqi[series]; }

    /**
     * The full result (sub-indices, primary pollutant) of one series-day, computed afresh. On a day rated
     * without the particulates their sub-indices are missing, and {@link #aqi(int, int)} (not this
     * result's own AQI, which counts them as missing data) is the day's AQI.
     */
    public AqiResult result(int series, int day) {
        AqiRuleSet rules = ruleSets[day];
        DailyConcentrations c = daily.concentrations(series, day);
        if (withoutParticulates == null || !withoutParticulates[series][day]) {
            return Aqi.daily(rules, c);
        }
        return Aqi.daily(rules, new DailyConcentrations(c.so2(), c.no2(), c.co(), Double.NaN, Double.NaN,
                c.o3MaxHour(), c.o3Max8h()));
    }

    /** Whether this series-day was rated without the particulates. */
    public boolean ratedWithoutParticulates(int series, int day) {
        return withoutParticulates != null && withoutParticulates[series][day];
    }

    // The AqiResult of a dust day keeps the sub-indices; its AQI is formed here from the other items,
    // because Aqi.daily would treat the absent particulates as missing data.
    private int aqiOf(int series, int day) {
        AqiResult r = result(series, day);
        if (!ratedWithoutParticulates(series, day)) {
            return r.aqi();
        }
        AqiRuleSet rules = ruleSets[day];
        AqiItem[] items = rules.dailyUsesO3MaxHour() ? WITHOUT_PM_2012 : WITHOUT_PM_2026;
        int max = AqiResult.MISSING;
        boolean anyMissing = false;
        for (AqiItem item : items) {
            int v = r.subIndex(item);
            if (v == AqiResult.MISSING) {
                anyMissing = true;
            } else if (v > max) {
                max = v;
            }
        }
        if (anyMissing && (rules.naOnMissingItem() || (rules == AqiRuleSet.HJ633_2026 && max <= 100))) {
            return AqiResult.MISSING;
        }
        return max;
    }
}
