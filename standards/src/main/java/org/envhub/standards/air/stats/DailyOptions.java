package org.envhub.standards.air.stats;

import java.util.Objects;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.RuleChoice;

/**
 * The validity rules of daily statistics (GB 3095 table 4, HJ 663), with the rule choice that says
 * which rule set judges each day. Immutable; change a setting with a {@code with…} method.
 *
 * <p>Defaults:
 * <ul>
 *   <li>rules {@code auto} ({@link RuleChoice#AUTO});</li>
 *   <li>daily means of SO2, NO2, CO, PM10 and PM2.5: at least 20 valid hours [TEXT];</li>
 *   <li>8h moving mean: at least 6 valid hours [TEXT];</li>
 *   <li>MDA8: {@link Mda8Rule#HJ663_2013} for every rule set, including hj633-2026 ([OPEN]: the
 *       2026 window rule can be switched to {@link Mda8Window#REACHING_BACK} per rule set), and a day
 *       with too few valid windows still counts when its max exceeds the O3 8h limit (160) [CODE];</li>
 *   <li>O3 daily max 1h: the rulebook is silent. envhub's choice: at least 20 valid hours, the same
 *       completeness the daily means need (a max over a few night hours says nothing about the day),
 *       and, as for MDA8, a day with fewer hours still counts when its max exceeds the O3 1h limit
 *       (200), because more hours could only raise it. Set the minimum to 1 for "any valid hour",
 *       which is what the platform's rolling O3_24h column does.</li>
 * </ul>
 */
public final class DailyOptions {

    private static final DailyOptions DEFAULTS = new DailyOptions(RuleChoice.AUTO, 20, 6, 20, true, true,
            everyRuleSet(Mda8Rule.HJ663_2013));

    private final RuleChoice rules;
    private final int minHoursPerDailyMean;
    private final int minHoursPerEightHourMean;
    private final int minHoursPerO3MaxHour;
    private final boolean keepsExceedingO3MaxHour;
    private final boolean keepsExceedingMda8;
    /** by {@link AqiRuleSet#ordinal()} */
    private final Mda8Rule[] mda8Rules;

    private DailyOptions(RuleChoice rules, int minHoursPerDailyMean, int minHoursPerEightHourMean, int minHoursPerO3MaxHour,
                         boolean keepsExceedingO3MaxHour, boolean keepsExceedingMda8, Mda8Rule[] mda8Rules) {
        this.rules = Objects.requireNonNull(rules);
        this.minHoursPerDailyMean = checkHours(minHoursPerDailyMean, 24);
        this.minHoursPerEightHourMean = checkHours(minHoursPerEightHourMean, 8);
        this.minHoursPerO3MaxHour = checkHours(minHoursPerO3MaxHour, 24);
        this.keepsExceedingO3MaxHour = keepsExceedingO3MaxHour;
        this.keepsExceedingMda8 = keepsExceedingMda8;
        this.mda8Rules = mda8Rules;
    }

    private static Mda8Rule[] everyRuleSet(Mda8Rule rule) {
        Mda8Rule[] rules = new Mda8Rule[AqiRuleSet.values().length];
        java.util.Arrays.fill(rules, rule);
        return rules;
    }

    private static int checkHours(int hours, int max) {
        if (hours < 1 || hours > max) {
            throw new IllegalArgumentException("minimum hours must be 1.." + max + ": " + hours);
        }
        return hours;
    }

    public static DailyOptions defaults() { return DEFAULTS; }

    public RuleChoice rules() { return rules; }

    public int minHoursPerDailyMean() { return minHoursPerDailyMean; }

    public int minHoursPerEightHourMean() { return minHoursPerEightHourMean; }

    public int minHoursPerO3MaxHour() { return minHoursPerO3MaxHour; }

    /** Whether an O3 daily max 1h from too few hours still counts when it exceeds the 1h limit. */
    public boolean keepsExceedingO3MaxHour() { return keepsExceedingO3MaxHour; }

    /** Whether an MDA8 from too few valid windows still counts when it exceeds the 8h limit. */
    public boolean keepsExceedingMda8() { return keepsExceedingMda8; }

    public Mda8Rule mda8Rule(AqiRuleSet ruleSet) { return mda8Rules[ruleSet.ordinal()]; }

    public DailyOptions withRules(RuleChoice choice) {
        return new DailyOptions(choice, minHoursPerDailyMean, minHoursPerEightHourMean, minHoursPerO3MaxHour,
                keepsExceedingO3MaxHour, keepsExceedingMda8, mda8Rules);
    }

    public DailyOptions withMinHoursPerDailyMean(int hours) {
        return new DailyOptions(rules, hours, minHoursPerEightHourMean, minHoursPerO3MaxHour,
                keepsExceedingO3MaxHour, keepsExceedingMda8, mda8Rules);
    }

    public DailyOptions withMinHoursPerEightHourMean(int hours) {
        return new DailyOptions(rules, minHoursPerDailyMean, hours, minHoursPerO3MaxHour,
                keepsExceedingO3MaxHour, keepsExceedingMda8, mda8Rules);
    }

    public DailyOptions withO3MaxHour(int minHours, boolean keepsExceeding) {
        return new DailyOptions(rules, minHoursPerDailyMean, minHoursPerEightHourMean, minHours,
                keepsExceeding, keepsExceedingMda8, mda8Rules);
    }

    public DailyOptions withKeepsExceedingMda8(boolean keeps) {
        return new DailyOptions(rules, minHoursPerDailyMean, minHoursPerEightHourMean, minHoursPerO3MaxHour,
                keepsExceedingO3MaxHour, keeps, mda8Rules);
    }

    /** The MDA8 rule of the days judged by {@code ruleSet}. */
    public DailyOptions withMda8Rule(AqiRuleSet ruleSet, Mda8Rule rule) {
        Mda8Rule[] copy = mda8Rules.clone();
        copy[ruleSet.ordinal()] = Objects.requireNonNull(rule);
        return new DailyOptions(rules, minHoursPerDailyMean, minHoursPerEightHourMean, minHoursPerO3MaxHour,
                keepsExceedingO3MaxHour, keepsExceedingMda8, copy);
    }

    /**
     * The [OPEN] HJ 663-2026 window rule in one call: {@link Mda8Window#WITHIN_DAY} keeps 14 of 17,
     * {@link Mda8Window#REACHING_BACK} uses {@link Mda8Rule#REACHING_BACK_20_OF_24}.
     */
    public DailyOptions withMda8Window2026(Mda8Window window) {
        return withMda8Rule(AqiRuleSet.HJ633_2026,
                window == Mda8Window.WITHIN_DAY ? Mda8Rule.HJ663_2013 : Mda8Rule.REACHING_BACK_20_OF_24);
    }

    @Override
    public String toString() {
        return "DailyOptions[rules=" + rules + ", dailyMean>=" + minHoursPerDailyMean + "h, 8h>=" + minHoursPerEightHourMean
                + "h, o3 1h max>=" + minHoursPerO3MaxHour + "h" + (keepsExceedingO3MaxHour ? " or >limit" : "")
                + ", mda8 " + java.util.Arrays.toString(mda8Rules) + (keepsExceedingMda8 ? " or >limit" : "") + "]";
    }
}
