package org.envhub.standards.air.stats;

import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.ConcentrationRounding;

/**
 * Good-day ratio (优良天数比例): days with a daily AQI ≤ 100 ÷ days with a valid daily AQI × 100%.
 * Days whose AQI is NA (missing data, or HJ 633-2026 §5.3) are in neither count.
 *
 * @param goodDays  days with an AQI of 0..100 (优 and 良)
 * @param validDays days with an AQI
 */
public record GoodDayRatio(int goodDays, int validDays) {

    /** Over days {@code from} … {@code to} (inclusive indices; clipped to the array) of a daily AQI series. */
    public static GoodDayRatio of(int[] dailyAqi, int from, int to) {
        int good = 0;
        int valid = 0;
        for (int d = Math.max(0, from), last = Math.min(dailyAqi.length - 1, to); d <= last; d++) {
            int aqi = dailyAqi[d];
            if (aqi != AqiResult.MISSING) {
                valid++;
                if (aqi <= 100) {
                    good++;
                }
            }
        }
        return new GoodDayRatio(good, valid);
    }

    /** The ratio in percent, full precision; NaN without a valid day. */
    public double percent() {
        return validDays == 0 ? Double.NaN : 100.0 * goodDays / validDays;
    }

    /** The ratio in percent with one decimal, as bulletins publish it (62.6%), rounded half to even. */
    public double publishedPercent() {
        return ConcentrationRounding.round(percent(), 1);
    }
}
