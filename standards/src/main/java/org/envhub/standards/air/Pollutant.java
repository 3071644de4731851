package org.envhub.standards.air;

/**
 * The six pollutants of the ambient air-quality standard (GB 3095).
 * Concentrations are in µg/m³, except CO in mg/m³.
 */
public enum Pollutant {
    SO2("SO2", "二氧化硫", "a21026", "µg/m³", 0),
    NO2("NO2", "二氧化氮", "a21004", "µg/m³", 0),
    CO("CO", "一氧化碳", "a21005", "mg/m³", 1),
    O3("O3", "臭氧", "a05024", "µg/m³", 0),
    PM10("PM10", "颗粒物(PM10)", "a34002", "µg/m³", 0),
    PM25("PM2.5", "细颗粒物(PM2.5)", "a34004", "µg/m³", 0);

    private static final Pollutant[] VALUES = values();

    private final String label;
    private final String chineseName;
    private final String hj212Code;
    private final String unit;
    private final int reportedDecimals;

    Pollutant(String label, String chineseName, String hj212Code, String unit, int reportedDecimals) {
        this.label = label;
        this.chineseName = chineseName;
        this.hj212Code = hj212Code;
        this.unit = unit;
        this.reportedDecimals = reportedDecimals;
    }

    /** The short label used in files and on screen: SO2, NO2, CO, O3, PM10, PM2.5. */
    public String label() { return label; }

    public String chineseName() { return chineseName; }

    /** The HJ 212-2017 factor code for ambient monitoring. */
    public String hj212Code() { return hj212Code; }

    public String unit() { return unit; }

    /** Decimals kept when a concentration is rounded (GB/T 8170): CO one, the others none. */
    public int reportedDecimals() { return reportedDecimals; }

    /** Accepts the label (PM2.5), the enum name (PM25) and common spellings (pm2_5, pm25), any case. */
    public static Pollutant parse(String text) {
        String t = text.trim().toUpperCase().replace("_", "").replace(".", "").replace("-", "");
        for (Pollutant p : VALUES) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pollutant '" + text + "' (expected one of SO2, NO2, CO, O3, PM10, PM2.5)");
    }

    static Pollutant at(int ordinal) { return VALUES[ordinal]; }
}
