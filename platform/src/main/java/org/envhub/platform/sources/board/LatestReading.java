package org.envhub.platform.sources.board;

import java.util.List;

import org.envhub.platform.sources.LatestFactorValue;

/**
 * A device's latest values on the compliance card, each with the limit in force today at its point.
 *
 * @param values the factors, each with its limit (null when none) and whether the value is over it
 */
public record LatestReading(String mn, long pointId, String point, String outlet, List<Value> values) {

    /**
     * @param limit       the limit in force today for the factor at the point, null when none
     * @param onConverted the limit is judged on the converted (Zs) value
     * @param over        the value judged (Zs where the limit says converted and one was sent) is over the limit;
     *                    for real-time and minute values an indication only: limits are on hourly and daily averages
     */
    public record Value(LatestFactorValue value, Double limit, Boolean onConverted, boolean over) {}
}
