package org.envhub.standards.water;

import java.util.Objects;

/**
 * How water is judged; every field has a default ({@link #defaults()}), and each is a point the rulebook
 * leaves to us.
 *
 * @param rules          the rule set; default {@code gb3838-2002}
 * @param rounding       rounding before judging; default the 2020 decimals ({@link WaterRounding#RULES_2020}),
 *                       {@link WaterRounding#NONE} to judge full values
 * @param cwqiMissing    CWQI with items missing; default {@link CwqiMissingItems#SUM_PRESENT}
 * @param mainPollutants ordering and writing of main pollutants; default {@link MainPollutantOptions#defaults()}
 * @param cwqiDecimals   decimals of the CWQI as published and ranked (half to even); default 4
 */
public record WaterOptions(WaterRuleSet rules, WaterRounding rounding, CwqiMissingItems cwqiMissing,
                           MainPollutantOptions mainPollutants, int cwqiDecimals) {

    private static final WaterOptions DEFAULTS = new WaterOptions(WaterRuleSet.GB3838_2002, WaterRounding.RULES_2020,
            CwqiMissingItems.SUM_PRESENT, MainPollutantOptions.defaults(), 4);

    public WaterOptions {
        Objects.requireNonNull(rules);
        Objects.requireNonNull(rounding);
        Objects.requireNonNull(cwqiMissing);
        Objects.requireNonNull(mainPollutants);
        if (cwqiDecimals < 0 || cwqiDecimals > 9) {
            throw new IllegalArgumentException("CWQI decimals must be 0..9: " + cwqiDecimals);
        }
    }

    public static WaterOptions defaults() { return DEFAULTS; }

    public WaterOptions withRules(WaterRuleSet v) { return new WaterOptions(v, rounding, cwqiMissing, mainPollutants, cwqiDecimals); }

    public WaterOptions withRounding(WaterRounding v) { return new WaterOptions(rules, v, cwqiMissing, mainPollutants, cwqiDecimals); }

    public WaterOptions withCwqiMissing(CwqiMissingItems v) { return new WaterOptions(rules, rounding, v, mainPollutants, cwqiDecimals); }

    public WaterOptions withMainPollutants(MainPollutantOptions v) { return new WaterOptions(rules, rounding, cwqiMissing, v, cwqiDecimals); }

    public WaterOptions withCwqiDecimals(int v) { return new WaterOptions(rules, rounding, cwqiMissing, mainPollutants, v); }
}
