package org.envhub.standards.air;

import java.util.Arrays;

/**
 * Computes IAQI and AQI (HJ 633) under a rule set.
 *
 * <p>IAQI and AQI are rounded up. Under HJ 633-2026 the concentrations are rounded half to even first.
 */
public final class Aqi {

    private static final AqiItem[] HOURLY_ITEMS = {AqiItem.SO2, AqiItem.NO2, AqiItem.CO, AqiItem.O3_1H, AqiItem.PM10, AqiItem.PM25};

    private Aqi() {}

    /** The rounded-up IAQI of one concentration, or {@link AqiResult#MISSING}; short columns give MISSING above their top. */
    public static int iaqi(AqiRuleSet rules, BreakpointColumn column, Pollutant pollutant, double c) {
        double v = rules.breakpoints().iaqi(column, prepare(rules, pollutant, c));
        return v >= 0 ? Breakpoints.roundUp(v) : AqiResult.MISSING;
    }

    public static AqiResult hourly(AqiRuleSet rules, HourlyConcentrations c) {
        int[] sub = new int[AqiItem.VALUES.length];
        int aqi = hourly(rules, c.so2(), c.no2(), c.co(), c.o3(), c.pm10(), c.pm25(),
                c.so2Moving24h(), c.pm10Moving24h(), c.pm25Moving24h(), sub);
        return new AqiResult(rules, sub, aqi);
    }

    /**
     * The hourly AQI without allocating: fills {@code sub} (indexed by {@link AqiItem#ordinal()},
     * length at least 7) and returns the AQI or {@link AqiResult#MISSING}. The moving means are read
     * only by HJ 633-2012 and may be NaN otherwise. For loops over millions of station-hours.
     */
    public static int hourly(AqiRuleSet rules, double so2, double no2, double co, double o3, double pm10, double pm25,
                             double so2Moving24h, double pm10Moving24h, double pm25Moving24h, int[] sub) {
        Breakpoints bp = rules.breakpoints();
        double so2Index = bp.iaqi(BreakpointColumn.SO2_1H, prepare(rules, Pollutant.SO2, so2));
        if (so2Index == Breakpoints.BEYOND_COLUMN) {
            // SO2 1h above 800: the 2012 text falls back to the 24h value, the platform and 2026 say 200.
            so2Index = rules == AqiRuleSet.HJ633_2012
                    ? bp.iaqi(BreakpointColumn.SO2_24H, prepare(rules, Pollutant.SO2, so2Moving24h))
                    : 200;
        }
        sub[AqiItem.SO2.ordinal()] = up(so2Index);
        sub[AqiItem.NO2.ordinal()] = up(bp.iaqi(BreakpointColumn.NO2_1H, prepare(rules, Pollutant.NO2, no2)));
        sub[AqiItem.CO.ordinal()] = up(bp.iaqi(BreakpointColumn.CO_1H, prepare(rules, Pollutant.CO, co)));
        sub[AqiItem.O3_1H.ordinal()] = up(bp.iaqi(BreakpointColumn.O3_1H, prepare(rules, Pollutant.O3, o3)));
        sub[AqiItem.O3_8H.ordinal()] = AqiResult.MISSING;
        boolean moving = rules.hourlyPmFromMovingMean();
        sub[AqiItem.PM10.ordinal()] = up(bp.iaqi(BreakpointColumn.PM10_24H, prepare(rules, Pollutant.PM10, moving ? pm10Moving24h : pm10)));
        sub[AqiItem.PM25.ordinal()] = up(bp.iaqi(BreakpointColumn.PM25_24H, prepare(rules, Pollutant.PM25, moving ? pm25Moving24h : pm25)));
        return combine(rules, sub, HOURLY_ITEMS);
    }

    public static AqiResult daily(AqiRuleSet rules, DailyConcentrations c) {
        int[] sub = new int[AqiItem.VALUES.length];
        Arrays.fill(sub, AqiResult.MISSING);
        Breakpoints bp = rules.breakpoints();
        sub[AqiItem.SO2.ordinal()] = up(bp.iaqi(BreakpointColumn.SO2_24H, prepare(rules, Pollutant.SO2, c.so2())));
        sub[AqiItem.NO2.ordinal()] = up(bp.iaqi(BreakpointColumn.NO2_24H, prepare(rules, Pollutant.NO2, c.no2())));
        sub[AqiItem.CO.ordinal()] = up(bp.iaqi(BreakpointColumn.CO_24H, prepare(rules, Pollutant.CO, c.co())));
        sub[AqiItem.PM10.ordinal()] = up(bp.iaqi(BreakpointColumn.PM10_24H, prepare(rules, Pollutant.PM10, c.pm10())));
        sub[AqiItem.PM25.ordinal()] = up(bp.iaqi(BreakpointColumn.PM25_24H, prepare(rules, Pollutant.PM25, c.pm25())));
        double o3Hour = bp.iaqi(BreakpointColumn.O3_1H, prepare(rules, Pollutant.O3, c.o3MaxHour()));
        double o3Eight = bp.iaqi(BreakpointColumn.O3_8H, prepare(rules, Pollutant.O3, c.o3Max8h()));
        if (o3Eight == Breakpoints.BEYOND_COLUMN) {
            // MDA8 above 800: the 2012 text uses the O3 1h IAQI instead, 2026 says 300.
            o3Eight = rules == AqiRuleSet.HJ633_2026 ? 300 : o3Hour;
        }
        sub[AqiItem.O3_8H.ordinal()] = up(o3Eight);
        AqiItem[] items;
        if (rules.dailyUsesO3MaxHour()) {
            sub[AqiItem.O3_1H.ordinal()] = up(o3Hour);
            items = new AqiItem[] {AqiItem.SO2, AqiItem.NO2, AqiItem.CO, AqiItem.O3_1H, AqiItem.O3_8H, AqiItem.PM10, AqiItem.PM25};
        } else {
            items = new AqiItem[] {AqiItem.SO2, AqiItem.NO2, AqiItem.CO, AqiItem.O3_8H, AqiItem.PM10, AqiItem.PM25};
        }
        return new AqiResult(rules, sub, combine(rules, sub, items));
    }

    /** AQI = the largest IAQI, subject to the rule set's treatment of missing items. */
    private static int combine(AqiRuleSet rules, int[] sub, AqiItem[] items) {
        int max = AqiResult.MISSING;
        boolean anyMissing = false;
        for (AqiItem item : items) {
            int v = sub[item.ordinal()];
            if (v == AqiResult.MISSING) {
                anyMissing = true;
            } else if (v > max) {
                max = v;
            }
        }
        if (anyMissing) {
            if (rules.naOnMissingItem()) {
                return AqiResult.MISSING;
            }
            if (rules == AqiRuleSet.HJ633_2026 && max <= 100) {
                // HJ 633-2026 §5.3: with an item missing, publish the AQI only if it is above 100.
                return AqiResult.MISSING;
            }
        }
        return max;
    }

    private static double prepare(AqiRuleSet rules, Pollutant pollutant, double c) {
        return rules.roundsConcentrations() ? ConcentrationRounding.round(pollutant, c) : c;
    }

    private static int up(double iaqi) {
        return iaqi >= 0 ? Breakpoints.roundUp(iaqi) : AqiResult.MISSING;
    }
}
