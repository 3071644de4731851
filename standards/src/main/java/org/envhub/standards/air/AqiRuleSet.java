package org.envhub.standards.air;

import java.time.LocalDate;

/**
 * The three ways of computing the AQI that envhub offers. Each result stored or exported carries the
 * {@link #id()} of the rule set that produced it.
 */
public enum AqiRuleSet {
    /**
     * What the national real-time publishing platform did in 2023: PM10 and PM2.5 take their 1h values
     * against the 24h columns, SO2 1h above 800 gives 200, and a missing pollutant leaves the AQI to
     * the others. Reproduces all 157,750 official station-hour AQI values of the shipped CNEMC files,
     * 1,423 of them with a pollutant missing. Daily values follow HJ 633-2012.
     */
    CNEMC("cnemc", LocalDate.of(2012, 3, 1), LocalDate.of(2026, 2, 28)),
    /** The HJ 633-2012 text: hourly PM from the 24h moving means, 7 daily items, NA on a missing item. */
    HJ633_2012("hj633-2012", LocalDate.of(2012, 3, 1), LocalDate.of(2026, 2, 28)),
    /** The HJ 633-2026 text: GB/T 8170 rounding first, new PM breakpoints, 6 daily items, §5.3 on missing items. */
    HJ633_2026("hj633-2026", LocalDate.of(2026, 3, 1), LocalDate.MAX);

    /** The day HJ 633-2026, HJ 663-2026 and GB 3095-2026 came into force. */
    public static final LocalDate SWITCH_DATE = LocalDate.of(2026, 3, 1);

    private final String id;
    private final LocalDate inForceFrom;
    private final LocalDate inForceUntil;

    AqiRuleSet(String id, LocalDate inForceFrom, LocalDate inForceUntil) {
        this.id = id;
        this.inForceFrom = inForceFrom;
        this.inForceUntil = inForceUntil;
    }

    public String id() { return id; }

    public LocalDate inForceFrom() { return inForceFrom; }

    /** Last day in force, inclusive ({@link LocalDate#MAX} while still in force). */
    public LocalDate inForceUntil() { return inForceUntil; }

    public Breakpoints breakpoints() {
        return this == HJ633_2026 ? Breakpoints.TABLE_2026 : Breakpoints.TABLE_2012;
    }

    /** HJ 633-2026 rounds concentrations (GB/T 8170, half to even) before computing the IAQI. */
    public boolean roundsConcentrations() { return this == HJ633_2026; }

    /** HJ 633-2012 table 4 rates hourly PM by the 24h moving means; the platform and 2026 use the 1h values. */
    public boolean hourlyPmFromMovingMean() { return this == HJ633_2012; }

    /** Only the 2012 text keeps the O3 daily max 1h among the daily items. */
    public boolean dailyUsesO3MaxHour() { return this != HJ633_2026; }

    /** HJ 633-2012 lists the exceeding pollutants (超标污染物, IAQI > 100); 2026 deleted them. */
    public boolean listsExceedingPollutants() { return this != HJ633_2026; }

    /**
     * 2012 text: a missing item makes the AQI NA. The others compute from the items present, and 2026
     * §5.3 publishes the AQI only when it is above 100.
     */
    public boolean naOnMissingItem() { return this == HJ633_2012; }

    public static AqiRuleSet byId(String id) {
        for (AqiRuleSet r : values()) {
            if (r.id.equalsIgnoreCase(id.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule set '" + id + "' (expected cnemc, hj633-2012 or hj633-2026)");
    }
}
