package org.envhub.platform.registry;

import java.time.LocalDate;

/**
 * An air station as the registry holds it (站点台账): where it is, whether it is a control station
 * (对照点, left out of city values) and when it was in service.
 */
public record RegisteredStation(String code, String name, String city, String district, Long districtId,
                                Double longitude, Double latitude, boolean control,
                                LocalDate activeFrom, LocalDate activeUntil) {
}
