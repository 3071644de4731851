package org.envhub.standards.air.stats;

/** Heavy-pollution days (重污染天数): days with a daily AQI above 200 (重度污染 and 严重污染). */
public final class HeavyPollutionDays {

    private HeavyPollutionDays() {}

    /** Over days {@code from} … {@code to} (inclusive indices; clipped to the array). */
    public static int count(int[] dailyAqi, int from, int to) {
        int n = 0;
        for (int d = Math.max(0, from), last = Math.min(dailyAqi.length - 1, to); d <= last; d++) {
            if (dailyAqi[d] > 200) {
                n++;
            }
        }
        return n;
    }
}
