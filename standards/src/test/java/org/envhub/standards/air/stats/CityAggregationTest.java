package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.junit.jupiter.api.Test;

class CityAggregationTest {

    private static final LocalDate DAY = LocalDate.of(2023, 1, 10);
    private static final List<Station> STATIONS = List.of(
            new Station("1001A", "甲一", "甲市", 116, 39, false),
            new Station("1002A", "甲二", "甲市", 116, 39, false),
            new Station("1003A", "甲对照点", "甲市", 116, 39, true),
            new Station("2001A", "乙一", "乙市", 117, 39, false));

    @Test
    void cityHourlyIsTheMeanOfItsEvaluationStationsIgnoringMissingValues() {
        HourlyGrid hourly = Grids.hourlyFrom(DAY, 1, "1001A", "1002A", "1003A", "2001A", "9999X");
        java.util.Arrays.fill(hourly.values(Pollutant.PM25, 0), 40);
        java.util.Arrays.fill(hourly.values(Pollutant.PM25, 1), 60);
        java.util.Arrays.fill(hourly.values(Pollutant.PM25, 2), 1000); // control station: left out
        java.util.Arrays.fill(hourly.values(Pollutant.PM25, 4), 1000); // not in the list: left out
        hourly.set(Pollutant.PM25, 1, 3, Double.NaN);                   // one hour missing at 1002A
        java.util.Arrays.fill(hourly.values(Pollutant.PM25, 3), 20);

        HourlyGrid city = CityAggregation.of(STATIONS).cityHourly(hourly);

        assertThat(city.series()).containsExactly("甲市", "乙市");
        assertThat(city.value(Pollutant.PM25, 0, 0)).isEqualTo(50.0);  // (40 + 60) / 2
        assertThat(city.value(Pollutant.PM25, 0, 3)).isEqualTo(40.0);  // only 1001A
        assertThat(city.value(Pollutant.PM25, 1, 0)).isEqualTo(20.0);
        assertThat(city.value(Pollutant.SO2, 0, 0)).isNaN();           // nobody measured SO2
    }

    @Test
    void cityDailyIsTheMeanOfItsStationsValidDailyValues() {
        DailyGrid stations = new DailyGrid(DAY, 1, List.of("1001A", "1002A", "1003A", "2001A"));
        stations.set(DailyStatistic.O3_MAX_8H, 0, 0, 100);
        stations.set(DailyStatistic.O3_MAX_8H, 1, 0, Double.NaN);  // invalid day at 1002A: left out
        stations.set(DailyStatistic.O3_MAX_8H, 2, 0, 300);         // control station: left out
        stations.set(DailyStatistic.NO2, 0, 0, 30);
        stations.set(DailyStatistic.NO2, 1, 0, 45);

        DailyGrid cities = CityAggregation.of(STATIONS).cityDaily(stations);

        assertThat(cities.value(DailyStatistic.O3_MAX_8H, 0, 0)).isEqualTo(100.0);
        assertThat(cities.value(DailyStatistic.NO2, 0, 0)).isEqualTo(37.5);   // (30 + 45) / 2
        assertThat(cities.value(DailyStatistic.NO2, 1, 0)).isNaN();           // 乙市 has no valid NO2
    }

    @Test
    void theCityAqiComesFromCityConcentrationsNotFromAveragedStationAqis() {
        DailyGrid stations = new DailyGrid(DAY, 1, List.of("1001A", "1002A"));
        // Everything else low (largest other IAQI: PM10 40 → 40).
        Grids.day(stations, 0, 0, 5, 10, 0.5, 40, 30, 50, 40);
        Grids.day(stations, 1, 0, 5, 10, 0.5, 40, 120, 50, 40);
        RuleChoice rules = RuleChoice.of(AqiRuleSet.HJ633_2012);

        DailyAqi stationAqi = DailyAqi.compute(stations, rules);
        // PM2.5 30 → 50 × 30/35 = 42.9 → 43; PM2.5 120 → 150 + 50 × 5/35 = 157.1 → 158
        assertThat(stationAqi.aqi(0, 0)).isEqualTo(43);
        assertThat(stationAqi.aqi(1, 0)).isEqualTo(158);
        double averagedAqis = (stationAqi.aqi(0, 0) + stationAqi.aqi(1, 0)) / 2.0; // 100.5: 轻度污染

        DailyAqi cityAqi = DailyAqi.compute(CityAggregation.of(STATIONS).cityDaily(stations), rules);
        // City PM2.5 (30 + 120) / 2 = 75 → exactly 100: 良, a good day.
        assertThat(cityAqi.aqi(0, 0)).isEqualTo(100);
        assertThat(averagedAqis).isEqualTo(100.5);
    }

    @Test
    void mda8FromTheCityHourlySeriesIsAnOption() {
        HourlyGrid hourly = Grids.hourlyFrom(DAY, 1, "1001A", "1002A");
        // 1001A: 200 in its first 8 hours; 1002A: 200 in its last 8; 0 otherwise.
        Grids.fill(hourly, "1001A", Pollutant.O3, DAY.atTime(1, 0), DAY.plusDays(1).atStartOfDay(), 0);
        Grids.fill(hourly, "1002A", Pollutant.O3, DAY.atTime(1, 0), DAY.plusDays(1).atStartOfDay(), 0);
        Grids.fill(hourly, "1001A", Pollutant.O3, DAY.atTime(1, 0), DAY.atTime(8, 0), 200);
        Grids.fill(hourly, "1002A", Pollutant.O3, DAY.atTime(17, 0), DAY.plusDays(1).atStartOfDay(), 200);
        DailyOptions options = DailyOptions.defaults();
        DailyGrid stations = DailyStatistics.compute(hourly, options);
        CityAggregation agg = CityAggregation.of(STATIONS);

        // Default: each station's MDA8 is 200, so the city's is (200 + 200) / 2 = 200.
        DailyGrid byStations = agg.cityDaily(stations, hourly, CityMda8Source.STATION_MEAN, options);
        assertThat(byStations.value(DailyStatistic.O3_MAX_8H, 0, 0)).isEqualTo(200.0);
        // City hourly: 100 in the first and last 8 hours, 0 between: MDA8 = 100.
        DailyGrid byCityHours = agg.cityDaily(stations, hourly, CityMda8Source.CITY_HOURLY, options);
        assertThat(byCityHours.value(DailyStatistic.O3_MAX_8H, 0, 0)).isCloseTo(100, within(1e-12));
        // Other statistics are unchanged by the option.
        assertThat(byCityHours.value(DailyStatistic.O3_MAX_1H, 0, 0)).isEqualTo(200.0);
    }
}
