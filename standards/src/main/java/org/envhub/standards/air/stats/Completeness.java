package org.envhub.standards.air.stats;

/**
 * Whether a period has enough valid daily values of one daily statistic (数据有效性).
 *
 * @param validDays how many days of the period have a valid value
 * @param complete  whether the period's completeness rule is met
 * @param shortfall why not, for a person ("Feb: 24 < 25"); empty when complete
 */
public record Completeness(int validDays, boolean complete, String shortfall) {
}
