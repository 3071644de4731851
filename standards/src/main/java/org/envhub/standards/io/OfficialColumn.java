package org.envhub.standards.io;

import org.envhub.standards.air.Pollutant;

/**
 * The values the national platform publishes next to the 1h concentrations in its daily station
 * files: the hourly AQI and the moving values of HJ 633 (see {@code MovingValues}). envhub computes
 * all of them itself; the published ones are kept only to compare against.
 */
public enum OfficialColumn {
    AQI("AQI", null, 0),
    PM25_24H("PM2.5_24h", Pollutant.PM25, 0),
    PM10_24H("PM10_24h", Pollutant.PM10, 0),
    SO2_24H("SO2_24h", Pollutant.SO2, 0),
    NO2_24H("NO2_24h", Pollutant.NO2, 0),
    /** O3 1h maximum over the 24 hours ending at the hour. */
    O3_24H("O3_24h", Pollutant.O3, 0),
    /** O3 8h moving mean, cut at the start of the natural day. */
    O3_8H("O3_8h", Pollutant.O3, 0),
    /** The day's running maximum of O3_8h. */
    O3_8H_24H("O3_8h_24h", Pollutant.O3, 0),
    CO_24H("CO_24h", Pollutant.CO, 1);

    private final String label;
    private final Pollutant pollutant;
    private final int decimals;

    OfficialColumn(String label, Pollutant pollutant, int decimals) {
        this.label = label;
        this.pollutant = pollutant;
        this.decimals = decimals;
    }

    /** The {@code type} written in the files, e.g. {@code PM2.5_24h}. */
    public String label() { return label; }

    /** The pollutant the value is about, or {@code null} for the AQI. */
    public Pollutant pollutant() { return pollutant; }

    /** Decimals the platform publishes: none, except one for CO. */
    public int decimals() { return decimals; }

    /** The column with this file label, or {@code null}. */
    public static OfficialColumn byLabel(String label) {
        for (OfficialColumn c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        return null;
    }
}
