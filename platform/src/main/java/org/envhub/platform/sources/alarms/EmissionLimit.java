package org.envhub.platform.sources.alarms;

import java.time.LocalDate;

/**
 * A limit from the discharge permit for one monitoring point and factor, in force from one day to another
 * (null: open-ended), judged on the converted (Zs) value or on the measured one.
 */
public record EmissionLimit(long id, long pointId, String factor, double limit, boolean onConverted, LocalDate effectiveFrom,
                            LocalDate effectiveUntil) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
    }
}
