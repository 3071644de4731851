package org.envhub.standards.air.stats;

/**
 * How a day's MDA8 is formed: which windows compete, and how many of them must be valid (an 8h mean
 * is valid with at least 6 valid hours, see {@link DailyOptions#minHoursPerEightHourMean()}).
 *
 * @param window          which 8h windows belong to the day
 * @param minValidWindows the fewest valid windows for a valid MDA8 (a day with fewer still counts when
 *                        its max exceeds the limit, if {@link DailyOptions#keepsExceedingMda8()})
 */
public record Mda8Rule(Mda8Window window, int minValidWindows) {

    /** HJ 663-2013: 14 of the 17 windows ending at hours 8..24. */
    public static final Mda8Rule HJ663_2013 = new Mda8Rule(Mda8Window.WITHIN_DAY, 14);

    /**
     * The [OPEN] 2026 alternative: all 24 windows ending in the day. No text gives the minimum; 20 keeps
     * the 2013 share (14/17 = 82%, × 24 = 19.8) and equals the 20-of-24-hours rule for daily means.
     */
    public static final Mda8Rule REACHING_BACK_20_OF_24 = new Mda8Rule(Mda8Window.REACHING_BACK, 20);

    public Mda8Rule {
        if (window == null) {
            throw new IllegalArgumentException("window is required");
        }
        if (minValidWindows < 1 || minValidWindows > window.windows()) {
            throw new IllegalArgumentException("minValidWindows must be 1.." + window.windows() + ": " + minValidWindows);
        }
    }
}
