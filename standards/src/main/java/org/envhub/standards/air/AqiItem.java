package org.envhub.standards.air;

/**
 * An item that gets an individual AQI (IAQI, 空气质量分指数). Hourly AQI uses SO2, NO2, CO, O3_1H,
 * PM10 and PM25; daily AQI adds O3_8H (and, under HJ 633-2012 only, keeps O3_1H).
 */
public enum AqiItem {
    SO2(Pollutant.SO2, "SO2", "二氧化硫"),
    NO2(Pollutant.NO2, "NO2", "二氧化氮"),
    CO(Pollutant.CO, "CO", "一氧化碳"),
    O3_1H(Pollutant.O3, "O3", "臭氧1小时"),
    O3_8H(Pollutant.O3, "O3_8h", "臭氧8小时"),
    PM10(Pollutant.PM10, "PM10", "颗粒物(PM10)"),
    PM25(Pollutant.PM25, "PM2.5", "细颗粒物(PM2.5)");

    static final AqiItem[] VALUES = values();

    private final Pollutant pollutant;
    private final String label;
    private final String officialName;

    AqiItem(Pollutant pollutant, String label, String officialName) {
        this.pollutant = pollutant;
        this.label = label;
        this.officialName = officialName;
    }

    public Pollutant pollutant() { return pollutant; }

    /** Short label: SO2 NO2 CO O3 O3_8h PM10 PM2.5. */
    public String label() { return label; }

    /** The name the national platform publishes as primary pollutant (首要污染物). */
    public String officialName() { return officialName; }

    int bit() { return 1 << ordinal(); }
}
