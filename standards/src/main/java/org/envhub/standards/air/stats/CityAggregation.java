package org.envhub.standards.air.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.Station;

/**
 * City values (城市浓度) from station values, per the rulebook, section C:
 * <ul>
 *   <li>only evaluation stations count: control (background) stations ({@link Station#control()}) are
 *       left out;</li>
 *   <li>a city's hourly concentration is the mean of its stations' valid hourly values;</li>
 *   <li>a city's daily statistic (each daily mean, the O3 daily max 1h, MDA8) is the mean of its
 *       stations' valid values of that statistic for the day;</li>
 *   <li>the city's AQI is then computed from these concentrations ({@link DailyAqi}), never by
 *       averaging station AQIs; the city's period statistics come from its daily series.</li>
 * </ul>
 * [OPEN] {@link CityMda8Source#CITY_HOURLY} takes the MDA8 of the city's hourly mean series instead;
 * the default is {@link CityMda8Source#STATION_MEAN}.
 *
 * <p>Cities are listed in the order they first appear in the station list; a grid's city series holds
 * only the cities with at least one evaluation station in that grid. Series of the grid that are not
 * evaluation stations of the list are ignored.
 */
public final class CityAggregation {

    private final Map<String, String> cityOfStation = new HashMap<>();
    private final Map<String, Integer> cityOrder = new LinkedHashMap<>();

    private CityAggregation(List<Station> stations) {
        for (Station s : stations) {
            if (!s.control()) {
                cityOfStation.put(s.code(), s.city());
                cityOrder.putIfAbsent(s.city(), cityOrder.size());
            }
        }
    }

    public static CityAggregation of(List<Station> stations) {
        return new CityAggregation(stations);
    }

    /** The city of an evaluation station, or null for a control station or an unknown code. */
    public String cityOf(String stationCode) { return cityOfStation.get(stationCode); }

    /** The cities that have an evaluation station among {@code series}, in station-list order. */
    public List<String> citiesIn(List<String> series) {
        return groups(series).cities;
    }

    /** City hourly concentrations: for each city, pollutant and hour, the mean of its stations' valid values. */
    public HourlyGrid cityHourly(HourlyGrid stations) {
        return cityHourly(stations, Pollutant.values());
    }

    private HourlyGrid cityHourly(HourlyGrid stations, Pollutant... pollutants) {
        Groups g = groups(stations.series());
        int hours = stations.hours();
        double[][][] values = new double[Pollutant.values().length][g.cities.size()][];
        double[] none = null;
        for (Pollutant p : Pollutant.values()) {
            if (!Arrays.asList(pollutants).contains(p)) {
                if (none == null) {
                    none = new double[hours];
                    Arrays.fill(none, Double.NaN);
                }
                Arrays.fill(values[p.ordinal()], none);
            }
        }
        IntStream.range(0, g.cities.size()).parallel().forEach(c -> {
            int[] count = new int[hours];
            for (Pollutant p : pollutants) {
                double[] sum = new double[hours];
                Arrays.fill(count, 0);
                for (int member : g.members[c]) {
                    double[] in = stations.values(p, member);
                    for (int h = 0; h < hours; h++) {
                        double v = in[h];
                        if (v == v) {
                            sum[h] += v;
                            count[h]++;
                        }
                    }
                }
                for (int h = 0; h < hours; h++) {
                    sum[h] = count[h] > 0 ? sum[h] / count[h] : Double.NaN;
                }
                values[p.ordinal()][c] = sum;
            }
        });
        return new HourlyGrid(stations.firstHour(), hours, g.cities, values);
    }

    /** City daily statistics: each the mean of the city's stations' valid values of that statistic for the day. */
    public DailyGrid cityDaily(DailyGrid stations) {
        Groups g = groups(stations.series());
        DailyGrid cities = new DailyGrid(stations.firstDay(), stations.days(), g.cities);
        int days = stations.days();
        IntStream.range(0, g.cities.size()).parallel().forEach(c -> {
            int[] count = new int[days];
            for (DailyStatistic statistic : DailyStatistic.values()) {
                double[] out = cities.values(statistic, c);
                Arrays.fill(out, 0);
                Arrays.fill(count, 0);
                for (int member : g.members[c]) {
                    double[] in = stations.values(statistic, member);
                    for (int d = 0; d < days; d++) {
                        double v = in[d];
                        if (v == v) {
                            out[d] += v;
                            count[d]++;
                        }
                    }
                }
                for (int d = 0; d < days; d++) {
                    out[d] = count[d] > 0 ? out[d] / count[d] : Double.NaN;
                }
            }
        });
        return cities;
    }

    /**
     * City daily statistics with the MDA8 taken as {@code source} says. For
     * {@link CityMda8Source#CITY_HOURLY} the MDA8 is computed from the city's hourly mean O3 with the
     * same {@code options} as the stations' (validity, window rule per rule set).
     */
    public DailyGrid cityDaily(DailyGrid stationDaily, HourlyGrid stationHourly, CityMda8Source source, DailyOptions options) {
        DailyGrid cities = cityDaily(stationDaily);
        if (source == CityMda8Source.CITY_HOURLY) {
            HourlyGrid o3 = cityHourly(stationHourly, Pollutant.O3);
            IntStream.range(0, cities.seriesCount()).parallel().forEach(c -> {
                int h = o3.seriesIndex(cities.series().get(c));
                if (h >= 0) {
                    DailyStatistics.computeMda8(o3, h, cities, c, options);
                } else {
                    Arrays.fill(cities.values(DailyStatistic.O3_MAX_8H, c), Double.NaN);
                }
            });
        }
        return cities;
    }

    private Groups groups(List<String> series) {
        List<List<Integer>> byCity = new ArrayList<>();
        for (int i = 0; i < cityOrder.size(); i++) {
            byCity.add(new ArrayList<>());
        }
        for (int s = 0; s < series.size(); s++) {
            String city = cityOfStation.get(series.get(s));
            if (city != null) {
                byCity.get(cityOrder.get(city)).add(s);
            }
        }
        List<String> cities = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        int i = 0;
        for (String city : cityOrder.keySet()) {
            List<Integer> m = byCity.get(i++);
            if (!m.isEmpty()) {
                cities.add(city);
                members.add(m.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return new Groups(List.copyOf(cities), members.toArray(new int[0][]));
    }

    private record Groups(List<String> cities, int[][] members) {
    }
}
