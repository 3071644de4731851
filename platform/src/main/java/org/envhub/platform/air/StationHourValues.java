package org.envhub.platform.air;

import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The six hourly concentrations of one station-hour ({@code hourEnd}: the UTC end of the hour), indexed by
 * {@link org.envhub.standards.air.Pollutant#ordinal()}, NaN where there is no value, with their data flags
 * (数据标记; null for a plain valid value) and, when read from the database, the import that last changed them.
 */
public record StationHourValues(String stationCode, LocalDateTime hourEnd, double[] values, String[] flags, Long importId) {

    public static StationHourValues empty(String stationCode, LocalDateTime hourEnd) {
        return new StationHourValues(stationCode, hourEnd, HourlyValueStore.newRow(), new String[HourlyValueStore.newRow().length], null);
    }

    /** How many pollutants have a value. */
    int count() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    StationHourValues copy() {
        return new StationHourValues(stationCode, hourEnd, values.clone(), flags.clone(), importId);
    }

    @Override
    public String toString() {
        return stationCode + " " + hourEnd + " " + Arrays.toString(values);
    }
}
