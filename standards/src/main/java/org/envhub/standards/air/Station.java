package org.envhub.standards.air;

/**
 * A monitoring station of the national network. Control (background) stations (对照点) are
 * excluded from city values. Coordinates are NaN where the list has none.
 */
public record Station(String code, String name, String city, double longitude, double latitude, boolean control) {

    public boolean hasCoordinates() {
        return !Double.isNaN(longitude) && !Double.isNaN(latitude);
    }
}
