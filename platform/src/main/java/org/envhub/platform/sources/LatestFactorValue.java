package org.envhub.platform.sources;

import java.time.OffsetDateTime;

/**
 * The latest value of one factor of a device.
 *
 * @param factor     the code as the device sends it (a21026, or 02 in 2005 devices)
 * @param name       the pollutant's name from the HJ 212 code table, when known
 * @param unit       its unit, when known
 * @param value      Rtd for real-time data, Avg for minute, hour and day data
 * @param zsValue    the converted (折算) value, when sent
 * @param flag       the data flag (N normal, F stopped, M maintenance, D fault, C calibration, T over limit, …)
 * @param dataTime   DataTime, in Beijing time
 * @param dataKind   the CN of the data: 2011 real-time, 2051 minute, 2061 hour, 2031 day
 * @param receivedAt when the gateway received it, in Beijing time
 */
public record LatestFactorValue(String factor, String name, String unit, Double value, Double zsValue, String flag,
                                OffsetDateTime dataTime, String dataKind, OffsetDateTime receivedAt) {
}
