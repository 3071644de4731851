package org.envhub.standards.air.stats;

/**
 * One station or city of an {@link AirReport}.
 *
 * @param series             the series key: station code, or city name
 * @param name               station name (the code when unknown), or city name
 * @param city               the city of a station, or the city itself
 * @param statistics         period statistics (after dust exclusion, if any)
 * @param index              composite index and single indices
 * @param goodDays           good-day ratio (优良天数比例)
 * @param heavyPollutionDays days with AQI above 200 (重污染天数)
 * @param attainment         attainment against the report's GB 3095 version
 * @param rank               rank by published composite index (1 = best); 0 when not ranked
 * @param previousIndex      the composite index of the comparison period, or null
 * @param changeRate         (I_now − I_before)/I_before of the published indices; NaN without a comparison
 * @param dustDays           days of the period whose PM values were excluded as dust-affected
 */
public record ReportRow(String series, String name, String city, PeriodStatistics statistics, CompositeIndex index,
                        GoodDayRatio goodDays, int heavyPollutionDays, Attainment attainment, int rank,
                        CompositeIndex previousIndex, double changeRate, int dustDays) {

    public boolean ranked() { return rank > 0; }
}
