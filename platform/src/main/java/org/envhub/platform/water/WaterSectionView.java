package org.envhub.platform.water;

import java.time.OffsetDateTime;

/**
 * A section as the registry holds it (断面台账), for the API and the pages.
 *
 * @param level          national, provincial or municipal
 * @param levelName      国控, 省控 or 市控
 * @param waterBody      river, lake or reservoir
 * @param waterName      the river or lake
 * @param target         the target class I … V, or null
 * @param stationMn      the automatic station's MN, or null
 * @param updatedAt      last change, Beijing time
 */
public record WaterSectionView(String code, String name, String level, String levelName, String waterBody, String waterBodyName,
                               String waterName, String basin, String province, String city, long cityId, String district,
                               Long districtId, Double longitude, Double latitude, String target, boolean active,
                               String stationMn, OffsetDateTime updatedAt) {
}
