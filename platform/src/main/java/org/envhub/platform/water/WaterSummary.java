package org.envhub.platform.water;

import java.util.List;

/**
 * A month's figures for the command centre (总览) and the top of the 水环境 page, over the sections the user sees.
 *
 * @param sections     active sections
 * @param evaluated    of which with a class this month
 * @param goodSections of which I–III
 * @param goodRatio    优良比例, percent with one decimal (GB: sections without a class count for nothing)
 * @param worseThanV   劣V sections
 * @param withTarget   evaluated sections with a target
 * @param attained     of which attained
 * @param attainment   attained/withTarget in percent, one decimal
 * @param risks        sections at risk of missing their target this month (月度超标风险)
 * @param over         of which already over it
 * @param firstMonth   the first month with data, for month pickers
 * @param latestMonth  the latest month with data (the default month)
 */
public record WaterSummary(String month, String ruleSet, int sections, int evaluated, int goodSections, Double goodRatio, int worseThanV,
                           int withTarget, int attained, Double attainment, int risks, int over, String firstMonth, String latestMonth,
                           List<String> ruleNotes) {
}
