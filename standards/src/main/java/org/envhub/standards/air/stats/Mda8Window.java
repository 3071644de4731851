package org.envhub.standards.air.stats;

/**
 * Which 8-hour windows compete for a day's MDA8 (臭氧日最大8小时滑动平均). Windows are named by the
 * label of their last hour; the natural day D holds the hours labelled D 01:00 … D+1 00:00.
 */
public enum Mda8Window {
    /**
     * HJ 663-2013 practice: the 17 windows ending at hours 8..24 of the natural day (labels D 08:00 …
     * D+1 00:00), so that no window reaches into the previous day. It matches the published O3_8h
     * column, which is cut at the start of the natural day.
     */
    WITHIN_DAY(7),
    /**
     * One reading of HJ 663-2026 ("within a natural day" counts every 8h moving mean that ends in the
     * day): the 24 windows ending at hours 1..24, the early ones reaching back into the previous evening.
     */
    REACHING_BACK(0);

    private final int firstEnd;

    Mda8Window(int firstEnd) {
        this.firstEnd = firstEnd;
    }

    /** Offset, from the day's first hour, of the last hour of the earliest window (0 = the hour labelled D 01:00). */
    public int firstEndOffset() { return firstEnd; }

    /** How many windows the day has: 17 or 24. */
    public int windows() { return 24 - firstEnd; }
}
