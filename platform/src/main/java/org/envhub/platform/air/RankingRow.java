package org.envhub.platform.air;

import java.util.Map;

/**
 * A city in the ranking (城市排名): the composite index (综合指数, two decimals as published), its single indices by
 * pollutant, the primary pollutant of the index, the good-day ratio (优良天数比例) and the rank (1 = best; null when
 * not ranked). {@code complete} says whether the data meet the completeness rules of HJ 663.
 */
public record RankingRow(Integer rank, String city, Double compositeIndex, Map<String, Double> singleIndices, String primary,
                         Double goodDayRatio, int goodDays, int validDays, int heavyPollutionDays, Double pm25, Double pm10,
                         Double o3Percentile90, boolean complete) {
}
