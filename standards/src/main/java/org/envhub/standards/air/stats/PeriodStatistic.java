package org.envhub.standards.air.stats;

import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.Pollutant;

/**
 * The statistics of a period (month, quarter, year, custom) that HJ 663 assesses, each built from one
 * daily statistic over the period's valid days.
 */
public enum PeriodStatistic {
    SO2_MEAN(DailyStatistic.SO2, Kind.MEAN, 0, "so2_mean", "SO2 平均浓度"),
    NO2_MEAN(DailyStatistic.NO2, Kind.MEAN, 0, "no2_mean", "NO2 平均浓度"),
    CO_MEAN(DailyStatistic.CO, Kind.MEAN, 0, "co_mean", "CO 平均浓度"),
    PM10_MEAN(DailyStatistic.PM10, Kind.MEAN, 0, "pm10_mean", "PM10 平均浓度"),
    PM25_MEAN(DailyStatistic.PM25, Kind.MEAN, 0, "pm25_mean", "PM2.5 平均浓度"),
    /** SO2 daily means, 98th percentile (SO2 24小时平均第98百分位数). */
    SO2_P98(DailyStatistic.SO2, Kind.PERCENTILE, 98, "so2_p98", "SO2 日均值第98百分位数"),
    NO2_P98(DailyStatistic.NO2, Kind.PERCENTILE, 98, "no2_p98", "NO2 日均值第98百分位数"),
    CO_P95(DailyStatistic.CO, Kind.PERCENTILE, 95, "co_p95", "CO 日均值第95百分位数"),
    PM10_P95(DailyStatistic.PM10, Kind.PERCENTILE, 95, "pm10_p95", "PM10 日均值第95百分位数"),
    PM25_P95(DailyStatistic.PM25, Kind.PERCENTILE, 95, "pm25_p95", "PM2.5 日均值第95百分位数"),
    /** O3 MDA8, 90th percentile (臭氧日最大8小时滑动平均第90百分位数). */
    O3_8H_P90(DailyStatistic.O3_MAX_8H, Kind.PERCENTILE, 90, "o3_8h_p90", "O3 日最大8小时平均第90百分位数"),
    /** The largest O3 daily max 1h of the period; informative, not assessed. */
    O3_1H_MAX(DailyStatistic.O3_MAX_1H, Kind.MAX, 0, "o3_1h_max", "O3 日最大1小时平均最大值");

    public enum Kind { MEAN, PERCENTILE, MAX }

    private final DailyStatistic daily;
    private final Kind kind;
    private final double percentile;
    private final String column;
    private final String chineseName;

    PeriodStatistic(DailyStatistic daily, Kind kind, double percentile, String column, String chineseName) {
        this.daily = daily;
        this.kind = kind;
        this.percentile = percentile;
        this.column = column;
        this.chineseName = chineseName;
    }

    public DailyStatistic daily() { return daily; }

    public Pollutant pollutant() { return daily.pollutant(); }

    public Kind kind() { return kind; }

    /** p of a percentile statistic. */
    public double percentile() { return percentile; }

    public String column() { return column; }

    public String chineseName() { return chineseName; }

    /** The mean statistic of SO2, NO2, CO, PM10 or PM2.5. */
    public static PeriodStatistic meanOf(Pollutant p) {
        return switch (p) {
            case SO2 -> SO2_MEAN;
            case NO2 -> NO2_MEAN;
            case CO -> CO_MEAN;
            case PM10 -> PM10_MEAN;
            case PM25 -> PM25_MEAN;
            case O3 -> throw new IllegalArgumentException("O3 has no period mean in HJ 663; use O3_8H_P90");
        };
    }

    /** The percentile statistic HJ 663 assesses for a pollutant: P98 for SO2/NO2, P95 for CO/PM, MDA8 P90 for O3. */
    public static PeriodStatistic percentileOf(Pollutant p) {
        return switch (p) {
            case SO2 -> SO2_P98;
            case NO2 -> NO2_P98;
            case CO -> CO_P95;
            case PM10 -> PM10_P95;
            case PM25 -> PM25_P95;
            case O3 -> O3_8H_P90;
        };
    }
}
