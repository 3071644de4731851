package org.envhub.standards.water;

import java.util.Objects;

/**
 * What is known about a section (断面) besides its samples: its name, its city and district, its water
 * body and its target class (考核目标).
 *
 * @param code     the section as the sample files name it
 * @param name     its name; the code when none is given
 * @param city     the city it counts for; {@link #NO_CITY} when unknown
 * @param district the district, or empty
 * @param body     its water body, or null when not given (the samples' then applies)
 * @param target   its target class, or null when it has none
 */
public record WaterSection(String code, String name, String city, String district, WaterBody body, WaterClass target) {

    /** The city of sections not listed in a section file, and of all sections when there is none. */
    public static final String NO_CITY = "-";

    public WaterSection {
        Objects.requireNonNull(code);
        name = name == null || name.isBlank() ? code : name;
        city = city == null || city.isBlank() ? NO_CITY : city;
        district = district == null ? "" : district;
    }

    /** A section known only by its code: no name, city {@code -}, no target. */
    public static WaterSection unlisted(String code) {
        return new WaterSection(code, null, null, null, null, null);
    }
}
