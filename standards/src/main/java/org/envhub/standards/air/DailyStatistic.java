package org.envhub.standards.air;

/** The daily statistics of HJ 663 that the daily AQI and all period statistics are built from. */
public enum DailyStatistic {
    SO2(Pollutant.SO2, "so2"),
    NO2(Pollutant.NO2, "no2"),
    CO(Pollutant.CO, "co"),
    PM10(Pollutant.PM10, "pm10"),
    PM25(Pollutant.PM25, "pm25"),
    /** O3 daily max 1h (臭氧日最大1小时平均). */
    O3_MAX_1H(Pollutant.O3, "o3_1h_max"),
    /** O3 daily max 8h moving mean, MDA8 (臭氧日最大8小时滑动平均). */
    O3_MAX_8H(Pollutant.O3, "o3_8h_max");

    private final Pollutant pollutant;
    private final String column;

    DailyStatistic(Pollutant pollutant, String column) {
        this.pollutant = pollutant;
        this.column = column;
    }

    public Pollutant pollutant() { return pollutant; }

    /** Column name in exports. */
    public String column() { return column; }

    /** The daily mean statistic of a pollutant other than O3. */
    public static DailyStatistic meanOf(Pollutant p) {
        return switch (p) {
            case SO2 -> SO2;
            case NO2 -> NO2;
            case CO -> CO;
            case PM10 -> PM10;
            case PM25 -> PM25;
            case O3 -> throw new IllegalArgumentException("O3 has no daily mean statistic; use O3_MAX_1H or O3_MAX_8H");
        };
    }
}
