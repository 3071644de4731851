package org.envhub.platform.sources.alarms;

import java.time.OffsetDateTime;

/** An alarm as the API shows it; times in Beijing time. */
public record Alarm(long id, String mn, String factor, String kind, OffsetDateTime firstDataTime, OffsetDateTime lastDataTime,
                    int occurrences, Double reading, Double limit, String detail, String status, OffsetDateTime openedAt,
                    String acknowledgedBy, OffsetDateTime acknowledgedAt, String verifiedBy, OffsetDateTime verifiedAt,
                    Boolean verifiedTrue, String closedBy, OffsetDateTime closedAt, String note) {
}
