package org.envhub.standards.air.stats;

/**
 * Completeness rules of period statistics (GB 3095 table 4, HJ 663). Immutable.
 *
 * <ul>
 *   <li>A calendar year needs at least 324 valid daily values, and at least 27 in every month (25 in
 *       February) [TEXT].</li>
 *   <li>[OPEN] A month's own statistics need 27 (February 25) valid daily values when
 *       {@link #monthOwnMinimum()} is on (the default).</li>
 *   <li>Quarters and custom ranges: the rulebook names no minimum. envhub's choice: every calendar
 *       month lying wholly inside the range needs its monthly minimum (on by default,
 *       {@link #monthMinimumInOtherPeriods()}); months cut by the range's ends need nothing more.</li>
 *   <li>Always: at least one valid daily value.</li>
 * </ul>
 * The rule is applied to each daily statistic on its own (e.g. O3 MDA8 P90 uses the count of valid
 * MDA8 days), since a percentile is only as sound as the days it is taken over.
 */
public record PeriodOptions(int annualMinimumDays, int monthMinimumDays, int februaryMinimumDays,
                            boolean monthOwnMinimum, boolean monthMinimumInOtherPeriods) {

    private static final PeriodOptions DEFAULTS = new PeriodOptions(324, 27, 25, true, true);

    public PeriodOptions {
        if (annualMinimumDays < 1 || monthMinimumDays < 1 || februaryMinimumDays < 1) {
            throw new IllegalArgumentException("minimum day counts must be positive");
        }
    }

    public static PeriodOptions defaults() { return DEFAULTS; }

    public PeriodOptions withMonthOwnMinimum(boolean on) {
        return new PeriodOptions(annualMinimumDays, monthMinimumDays, februaryMinimumDays, on, monthMinimumInOtherPeriods);
    }

    public PeriodOptions withMonthMinimumInOtherPeriods(boolean on) {
        return new PeriodOptions(annualMinimumDays, monthMinimumDays, februaryMinimumDays, monthOwnMinimum, on);
    }

    /** The monthly minimum of a month: 25 in February, 27 otherwise (by default). */
    public int monthMinimum(java.time.YearMonth month) {
        return month.getMonth() == java.time.Month.FEBRUARY ? februaryMinimumDays : monthMinimumDays;
    }
}
