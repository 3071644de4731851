package org.envhub.platform.water;

/**
 * A city, district, river or basin over a period: the figures bulletins quote.
 *
 * @param kind         city, district, river or basin
 * @param parent       the city of a district; empty otherwise
 * @param sections     its sections with a class in the period
 * @param goodSections of which I–III (优良)
 * @param worstSections of which 劣V
 * @param goodRatio    优良比例 in percent, one decimal
 * @param worstRatio   劣V比例 in percent, one decimal
 * @param quality      the river and basin rating (优 … 重度污染)
 * @param ratingMethod {@code shares} (5 or more sections) or {@code mean} (fewer)
 * @param cwqi         mean CWQI as published (4 decimals)
 * @param rank         CWQI rank among its kind (districts within their city), 1 the best
 * @param withTarget   sections with a target and a class
 * @param attained     of which attained
 */
public record AreaStatus(String kind, String parent, String name, Long areaId, String period, int sections, int goodSections,
                         int worstSections, Double goodRatio, Double worstRatio, String quality, String ratingMethod, Double cwqi,
                         Integer rank, int withTarget, int attained, String ruleSet) {
}
