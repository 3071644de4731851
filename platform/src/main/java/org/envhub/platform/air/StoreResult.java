package org.envhub.platform.air;

import java.util.Set;

/**
 * What storing a batch of hourly values did: values new to the database, values corrected (the old one moved
 * to history), values identical to what was there, and the station-hours whose derived results must change.
 */
public record StoreResult(int added, int replaced, int same, Set<StationHour> changed) {
}
