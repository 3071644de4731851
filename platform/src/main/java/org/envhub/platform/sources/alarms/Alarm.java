package org.envhub.platform.sources.alarms;

import java.time.OffsetDateTime;

/**
 * An alarm as the API shows it; times in Beijing time. {@code factorName}, {@code enterpriseId},
 * {@code enterprise} and {@code point} say what it is about (null for a device not at a point).
 */
public record Alarm(long id, String mn, String factor, String kind, OffsetDateTime firstDataTime, OffsetDateTime lastDataTime,
                    int occurrences, Double reading, Double limit, String detail, String status, OffsetDateTime openedAt,
                    String acknowledgedBy, OffsetDateTime acknowledgedAt, String verifiedBy, OffsetDateTime verifiedAt,
                    Boolean verifiedTrue, String closedBy, OffsetDateTime closedAt, String note, String factorName, Long enterpriseId,
                    String enterprise, String point, String district) {
}
