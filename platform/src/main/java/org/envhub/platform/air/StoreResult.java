package org.envhub.platform.air;

import java.util.Map;
import java.util.Set;

/**
 * What storing a batch of hourly values did: values new to the database, values corrected (the old one moved
 * to history), values identical to what was there, and the station-hours whose derived results must change,
 * with all their current values (indexed by pollutant ordinal, NaN where missing) so they need not be read back.
 */
public record StoreResult(int added, int replaced, int same, Map<StationHour, double[]> current) {

    public Set<StationHour> changed() { return current.keySet(); }

    public static StoreResult counts(int added, int replaced, int same) {
        return new StoreResult(added, replaced, same, Map.of());
    }
}
