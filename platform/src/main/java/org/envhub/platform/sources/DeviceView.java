package org.envhub.platform.sources;

import java.time.OffsetDateTime;

/** A device as the API lists it, with where it reports for (null while pending) and when it last sent data. */
public record DeviceView(String mn, String status, Long pointId, String point, String outlet, Long enterpriseId, String enterprise,
                         String district, OffsetDateTime registeredAt, OffsetDateTime approvedAt, String approvedBy,
                         OffsetDateTime lastDataAt) {
}
