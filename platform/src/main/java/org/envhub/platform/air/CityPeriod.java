package org.envhub.platform.air;

import java.time.LocalDate;
import java.util.List;

/**
 * A city's stored figures for a calendar month or year (月报、年报): the ranking figures, the period, the latest day
 * with data when they were computed, the rule choice and which rule set judged which days, and how many cities
 * were ranked.
 */
public record CityPeriod(String kind, LocalDate start, LocalDate end, LocalDate lastDay, String ruleSet, List<String> ruleSpans,
                         int rankedCities, RankingRow figures) {
}
