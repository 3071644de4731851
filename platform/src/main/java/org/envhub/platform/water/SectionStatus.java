package org.envhub.platform.water;

/**
 * A section over a period, for the 水环境 table and map: the registry's facts, and the stored evaluation (null
 * fields when the section has no sample in the period).
 *
 * @param waterClass     I II III IV V 劣V
 * @param classLabel     Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ 劣Ⅴ, as bulletins print them
 * @param quality        优 良好 轻度污染 中度污染 重度污染
 * @param attained       the class no worse than the target (达标); null without a target or a class
 * @param mainPollutants worse than III: e.g. 氨氮(0.52)、总磷(0.30)
 * @param cwqi           the section's CWQI; null when none
 * @param cwqiItems      how many of the 21 items it sums
 * @param colour         the class's map colour
 * @param ruleSet        the rule set of the evaluation (gb3838-2002)
 */
public record SectionStatus(String code, String name, String level, String levelName, String waterBody, String waterBodyName,
                            String waterName, String basin, String city, String district, Long districtId, Double longitude,
                            Double latitude, String target, String stationMn, String period, Integer samples, String waterClass,
                            String classLabel, String quality, Boolean attained, String mainPollutants, Double cwqi, Integer cwqiItems,
                            String colour, String ruleSet) {
}
