package org.envhub.platform.water;

import org.envhub.platform.sources.PollutionSources;
import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterClass;

/**
 * A section as edited in the UI, sent to the API or read from a registry file: areas by name, the level, water body
 * and target as people write them ({@code national} or 国控, {@code river} or 河流, {@code III} or Ⅲ). {@code province}
 * and {@code district} may be empty; {@code active} null means yes.
 *
 * @param stationMn        the automatic station's MN (水质自动站), or empty
 * @param stationPassword  the PW the station sends, used only to register a station the gateway does not know yet
 */
public record WaterSectionForm(String code, String name, String level, String waterBody, String waterName, String basin,
                               String province, String city, String district, Double longitude, Double latitude,
                               String target, Boolean active, String stationMn, String stationPassword) {

    /** What is wrong with it, or null: the checks a bureau analyst would expect. */
    public String problem() {
        if (code == null || !code.trim().matches("[0-9A-Za-z_.-]{1,32}")) {
            return "section code must be 1 to 32 letters, digits or . _ -, got '" + code + "'";
        }
        String c = code.trim();
        if (name == null || name.isBlank() || name.trim().length() > 64) {
            return "section " + c + ": a name of 1 to 64 characters is required";
        }
        if (city == null || city.isBlank()) {
            return "section " + c + ": the city is required";
        }
        try {
            controlLevel();
            body();
            targetClass();
        } catch (IllegalArgumentException e) {
            return "section " + c + ": " + e.getMessage();
        }
        for (String s : new String[] {waterName, basin, province, city, district}) {
            if (s != null && s.trim().length() > 64) {
                return "section " + c + ": '" + s.trim().substring(0, 20) + "…' is longer than 64 characters";
            }
        }
        if (longitude != null && (longitude < 73 || longitude > 136)) {
            return "section " + c + ": longitude " + longitude + " is outside China (73..136)";
        }
        if (latitude != null && (latitude < 3 || latitude > 54)) {
            return "section " + c + ": latitude " + latitude + " is outside China (3..54)";
        }
        if ((longitude == null) != (latitude == null)) {
            return "section " + c + ": give both longitude and latitude, or neither";
        }
        if (mn() != null && !PollutionSources.VALID_MN.matcher(mn()).matches()) {
            return "section " + c + ": automatic station MN must be 1 to 64 letters, digits or . _ -, got '" + stationMn.trim() + "'";
        }
        return null;
    }

    public ControlLevel controlLevel() {
        if (level == null || level.isBlank()) {
            throw new IllegalArgumentException("the control level is required (national 国控, provincial 省控 or municipal 市控)");
        }
        return ControlLevel.parse(level);
    }

    public WaterBody body() {
        if (waterBody == null || waterBody.isBlank()) {
            throw new IllegalArgumentException("the water body is required (river 河流, lake 湖泊 or reservoir 水库)");
        }
        return WaterBody.parse(waterBody);
    }

    /** The target class, I to V, or null for none; 劣V is no target. */
    public WaterClass targetClass() {
        if (target == null || target.isBlank() || target.trim().equals("-")) {
            return null;
        }
        WaterClass t = WaterClass.parse(target);
        if (t == WaterClass.WORSE_THAN_V) {
            throw new IllegalArgumentException("target class 劣V is no target: give I to V, or none");
        }
        return t;
    }

    /** The MN, trimmed; null when none. */
    public String mn() {
        return stationMn == null || stationMn.isBlank() ? null : stationMn.trim();
    }

    public boolean isActive() {
        return active == null || active;
    }

    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
