package org.envhub.platform.sources.registry;

import java.time.OffsetDateTime;

/** An enterprise (企业) of the registry, times in Beijing time. */
public record EnterpriseView(long id, String name, String creditCode, Long districtId, String district, String industry, String address,
                             Double longitude, Double latitude, String contactPerson, String contactPhone, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt) {
}
