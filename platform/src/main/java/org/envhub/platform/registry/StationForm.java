package org.envhub.platform.registry;

import java.time.LocalDate;

/**
 * A station as edited in the UI, sent to the API or read from a registry file: areas by name. {@code province}
 * may be empty; {@code district} empty means none.
 */
public record StationForm(String code, String name, String province, String city, String district, Double longitude,
                          Double latitude, boolean control, LocalDate activeFrom, LocalDate activeUntil) {

    /** What is wrong with it, or null: the checks a bureau analyst would expect. */
    public String problem() {
        if (code == null || !code.trim().matches("[0-9A-Za-z_-]{1,16}")) {
            return "station code must be 1 to 16 letters or digits, got '" + code + "'";
        }
        if (name == null || name.isBlank() || name.length() > 64) {
            return "station " + code + ": a name of 1 to 64 characters is required";
        }
        if (city == null || city.isBlank()) {
            return "station " + code + ": the city is required";
        }
        if (longitude != null && (longitude < 73 || longitude > 136)) {
            return "station " + code + ": longitude " + longitude + " is outside China (73..136)";
        }
        if (latitude != null && (latitude < 3 || latitude > 54)) {
            return "station " + code + ": latitude " + latitude + " is outside China (3..54)";
        }
        if ((longitude == null) != (latitude == null)) {
            return "station " + code + ": give both longitude and latitude, or neither";
        }
        if (activeFrom != null && activeUntil != null && activeUntil.isBefore(activeFrom)) {
            return "station " + code + ": active until " + activeUntil + " is before active from " + activeFrom;
        }
        return null;
    }
}
