package org.envhub.platform.air;

import java.time.LocalDateTime;

/** A station and an hour (UTC end instant): the unit for which an hourly AQI is derived. */
public record StationHour(String stationCode, LocalDateTime hourEnd) {
}
