package org.envhub.platform.air;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.envhub.standards.air.AqiLevel;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.Pollutant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** City hourly values (城市小时值): means over a city's evaluation stations, and the AQI of those means. */
@Repository
public class CityQueries {

    private final JdbcClient jdbc;

    public CityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One city's hours between two UTC hour ends, inclusive. */
    public List<CityHour> hours(String city, LocalDateTime firstUtc, LocalDateTime lastUtc) {
        // The codes first, then a lookup by the key's leading column: both databases then read only the city's rows.
        List<String> codes = jdbc.sql("select s.code from station s join area c on c.id = s.city_id where c.name = ? and s.control = false")
                .param(city).query(String.class).list();
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<LocalDateTime, CityHour> hours = new TreeMap<>();
        jdbc.sql("select h.hour_end, " + AVERAGES + ", count(*) from air_hourly h "
                        + "where h.station_code in (:codes) and h.hour_end between :a and :b group by h.hour_end")
                .param("codes", codes).param("a", firstUtc).param("b", lastUtc)
                .query(rs -> {
                    LocalDateTime hour = rs.getObject(1, LocalDateTime.class);
                    double[] c = HourlyValueStore.values(rs, 2);
                    for (Pollutant p : Pollutant.values()) {
                        if (!Double.isNaN(c[p.ordinal()])) {
                            c[p.ordinal()] = round(p, c[p.ordinal()]);
                        }
                    }
                    hours.put(hour, cityHour(city, hour, c, rs.getInt(2 + c.length)));
                });
        return new ArrayList<>(hours.values());
    }

    /** The city mean of each pollutant over the stations that have it, in {@link Pollutant} order. */
    private static final String AVERAGES = java.util.Arrays.stream(Pollutant.values())
            .map(p -> "avg(h." + HourlyValueStore.column(p) + ")").collect(java.util.stream.Collectors.joining(", "));

    /**
     * Every city at the network's latest hour, from the in-memory latest snapshot (no database work): a station
     * counts if its own latest hour is that hour.
     */
    public static List<CityHour> latest(List<LatestStation> stations) {
        java.time.OffsetDateTime last = stations.stream().map(LatestStation::time).max(java.time.OffsetDateTime::compareTo).orElse(null);
        if (last == null) {
            return List.of();
        }
        LocalDateTime hour = last.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, int[]> counts = new HashMap<>();
        for (LatestStation s : stations) {
            if (s.control() || !s.time().isEqual(last)) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(s.city(), k -> new double[Pollutant.values().length]);
            int[] n = counts.computeIfAbsent(s.city(), k -> new int[Pollutant.values().length + 1]);
            Double[] v = {s.so2(), s.no2(), s.co(), s.o3(), s.pm10(), s.pm25()};
            for (Pollutant p : Pollutant.values()) {
                Double x = v[p.ordinal()];
                if (x != null) {
                    sum[p.ordinal()] += x;
                    n[p.ordinal()]++;
                }
            }
            n[Pollutant.values().length]++;
        }
        List<CityHour> list = new ArrayList<>();
        sums.forEach((city, sum) -> {
            int[] n = counts.get(city);
            double[] c = HourlyValueStore.newRow();
            for (Pollutant p : Pollutant.values()) {
                if (n[p.ordinal()] > 0) {
                    c[p.ordinal()] = round(p, sum[p.ordinal()] / n[p.ordinal()]);
                }
            }
            list.add(cityHour(city, hour, c, n[Pollutant.values().length]));
        });
        return list;
    }

    public List<String> cityNames() {
        return jdbc.sql("select distinct c.name from area c join station s on s.city_id = c.id order by c.name").query(String.class).list();
    }

    private static CityHour cityHour(String city, LocalDateTime hourUtc, double[] c, int stations) {
        AqiResult r = HourlyAqiService.compute(hourUtc, c);
        AqiLevel level = r.hasAqi() ? r.level() : null;
        return new CityHour(city, AirTime.toOffset(hourUtc), v(c, Pollutant.SO2), v(c, Pollutant.NO2), v(c, Pollutant.CO),
                v(c, Pollutant.O3), v(c, Pollutant.PM10), v(c, Pollutant.PM25), r.hasAqi() ? r.aqi() : null,
                level == null ? null : level.number(), level == null ? null : level.category(), level == null ? null : level.hexColour(),
                r.primaryLabel().isEmpty() ? null : r.primaryLabel(), r.ruleSet().id(), stations);
    }

    /** City means are published as integers (CO with one decimal), as the national platform shows them. */
    private static double round(Pollutant p, double mean) {
        double scale = Math.pow(10, p.reportedDecimals());
        return Math.round(mean * scale) / scale;
    }

    private static Double v(double[] c, Pollutant p) {
        double x = c[p.ordinal()];
        return Double.isNaN(x) ? null : x;
    }
}
