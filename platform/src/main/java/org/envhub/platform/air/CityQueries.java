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
        return collect(jdbc.sql("""
                        select :city, h.hour_end, h.pollutant, avg(h.concentration), count(*)
                        from air_hourly h
                        where h.station_code in (:codes) and h.hour_end between :a and :b
                        group by h.hour_end, h.pollutant""")
                .param("city", city).param("codes", codes).param("a", firstUtc).param("b", lastUtc));
    }

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

    private record Key(String city, LocalDateTime hour) {}

    private static List<CityHour> collect(JdbcClient.StatementSpec spec) {
        Map<Key, double[]> values = new TreeMap<>((a, b) -> a.hour().equals(b.hour()) ? a.city().compareTo(b.city()) : a.hour().compareTo(b.hour()));
        Map<Key, Integer> stations = new HashMap<>();
        spec.query(rs -> {
            Key key = new Key(rs.getString(1), rs.getObject(2, LocalDateTime.class));
            double[] row = values.computeIfAbsent(key, k -> HourlyValueStore.newRow());
            Pollutant p = Pollutant.parse(rs.getString(3));
            row[p.ordinal()] = round(p, rs.getDouble(4));
            stations.merge(key, rs.getInt(5), Math::max);
        });
        List<CityHour> list = new ArrayList<>(values.size());
        values.forEach((k, c) -> list.add(cityHour(k.city(), k.hour(), c, stations.get(k))));
        return list;
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
