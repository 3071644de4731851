package org.envhub.standards.water;

import java.time.LocalDate;

/**
 * The rules envhub judges surface water by. Each result carries the {@link #id()} of the rule set that
 * produced it, so that a later standard can sit beside it without overwriting it.
 *
 * <p>There is one so far: the limits of GB 3838-2002, applied by the 2011 evaluation method (single
 * factor, main pollutants, river rating), the 2017 city ranking rule (CWQI) and the 2020 statistics rule
 * (rounding, the pH mean).
 */
public enum WaterRuleSet {
    GB3838_2002("gb3838-2002", LocalDate.of(2002, 6, 1), LocalDate.MAX, Gb3838Limits.TABLE_2002);

    private final String id;
    private final LocalDate inForceFrom;
    private final LocalDate inForceUntil;
    private final Gb3838Limits limits;

    WaterRuleSet(String id, LocalDate inForceFrom, LocalDate inForceUntil, Gb3838Limits limits) {
        this.id = id;
        this.inForceFrom = inForceFrom;
        this.inForceUntil = inForceUntil;
        this.limits = limits;
    }

    /** {@code gb3838-2002}. */
    public String id() { return id; }

    public LocalDate inForceFrom() { return inForceFrom; }

    /** Last day in force, inclusive ({@link LocalDate#MAX} while still in force). */
    public LocalDate inForceUntil() { return inForceUntil; }

    public Gb3838Limits limits() { return limits; }

    /** The rule set in force on {@code day}. */
    public static WaterRuleSet inForceOn(LocalDate day) {
        for (WaterRuleSet r : values()) {
            if (!day.isBefore(r.inForceFrom) && !day.isAfter(r.inForceUntil)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no surface-water rule set in force on " + day + " (GB 3838-2002 applies from 2002-06-01)");
    }

    public static WaterRuleSet byId(String id) {
        for (WaterRuleSet r : values()) {
            if (r.id.equalsIgnoreCase(id.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown water rule set '" + id + "' (expected gb3838-2002)");
    }
}
