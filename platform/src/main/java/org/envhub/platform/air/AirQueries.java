package org.envhub.platform.air;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.envhub.standards.air.AqiLevel;
import org.envhub.standards.air.MovingValues;
import org.envhub.standards.air.Pollutant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the stored air data for the API and the pages. */
@Repository
public class AirQueries {

    private final JdbcClient jdbc;

    public AirQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The hours of one station between two UTC hour ends, inclusive, oldest first; the moving values come from the
     * standards library over the requested hours and the 23 before them.
     */
    public List<StationHourRow> stationHours(String code, LocalDateTime firstUtc, LocalDateTime lastUtc) {
        LocalDateTime from = firstUtc.minusHours(23);
        int n = (int) java.time.Duration.between(from, lastUtc).toHours() + 1;
        double[][] series = new double[Pollutant.values().length][n];
        for (double[] x : series) {
            java.util.Arrays.fill(x, Double.NaN);
        }
        jdbc.sql("select hour_end, " + HourlyValueStore.VALUE_COLUMNS + " from air_hourly where station_code = :code and hour_end between :a and :b")
                .param("code", code).param("a", from).param("b", lastUtc)
                .query(rs -> {
                    int h = (int) java.time.Duration.between(from, rs.getObject(1, LocalDateTime.class)).toHours();
                    double[] c = HourlyValueStore.values(rs, 2);
                    for (int p = 0; p < c.length; p++) {
                        series[p][h] = c[p];
                    }
                });
        double[] pm25 = MovingValues.mean24h(series[Pollutant.PM25.ordinal()]);
        double[] pm10 = MovingValues.mean24h(series[Pollutant.PM10.ordinal()]);
        double[] o3 = MovingValues.o3Mean8h(series[Pollutant.O3.ordinal()], AirTime.toLocal(from));
        List<StationHourRow> rows = hoursWithoutMoving(code, firstUtc, lastUtc);
        List<StationHourRow> out = new ArrayList<>(rows.size());
        for (StationHourRow r : rows) {
            int h = (int) java.time.Duration.between(from, r.time().atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()).toHours();
            out.add(new StationHourRow(r.time(), r.so2(), r.no2(), r.co(), r.o3(), r.pm10(), r.pm25(), finite(pm25[h]), finite(pm10[h]),
                    finite(o3[h]), r.aqi(), r.level(), r.category(), r.primary(), r.ruleSet(), r.flags()));
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
    }

    private List<StationHourRow> hoursWithoutMoving(String code, LocalDateTime firstUtc, LocalDateTime lastUtc) {
        Map<LocalDateTime, double[]> values = new LinkedHashMap<>();
        Map<LocalDateTime, Map<String, String>> flags = new LinkedHashMap<>();
        jdbc.sql("select hour_end, " + HourlyValueStore.VALUE_COLUMNS + ", " + HourlyValueStore.FLAG_COLUMNS
                        + " from air_hourly where station_code = :code and hour_end between :a and :b order by hour_end")
                .param("code", code).param("a", firstUtc).param("b", lastUtc)
                .query(rs -> {
                    LocalDateTime h = rs.getObject(1, LocalDateTime.class);
                    values.put(h, HourlyValueStore.values(rs, 2));
                    for (Pollutant p : Pollutant.values()) {
                        String flag = rs.getString(2 + Pollutant.values().length + p.ordinal());
                        if (flag != null) {
                            flags.computeIfAbsent(h, k -> new LinkedHashMap<>()).put(p.label(), flag);
                        }
                    }
                });
        record Aqi(Integer aqi, String primary, String ruleSet) {}
        Map<LocalDateTime, Aqi> aqi = new LinkedHashMap<>();
        jdbc.sql("""
                        select hour_end, aqi, primary_pollutant, rule_set from air_hourly_aqi
                        where station_code = :code and hour_end between :a and :b and rule_set in ('cnemc', 'hj633-2026')""")
                .param("code", code).param("a", firstUtc).param("b", lastUtc)
                .query(rs -> {
                    aqi.put(rs.getObject(1, LocalDateTime.class), new Aqi(rs.getObject(2, Integer.class), rs.getString(3), rs.getString(4)));
                });
        List<StationHourRow> rows = new ArrayList<>(values.size());
        values.forEach((h, c) -> {
            Aqi a = aqi.get(h);
            Integer index = a == null ? null : a.aqi();
            AqiLevel level = index == null ? null : AqiLevel.of(index);
            rows.add(new StationHourRow(AirTime.toOffset(h), v(c, Pollutant.SO2), v(c, Pollutant.NO2), v(c, Pollutant.CO),
                    v(c, Pollutant.O3), v(c, Pollutant.PM10), v(c, Pollutant.PM25), null, null, null, index,
                    level == null ? null : level.number(), level == null ? null : level.category(),
                    a == null ? null : a.primary(), a == null ? null : a.ruleSet(), flags.getOrDefault(h, Map.of())));
        });
        return rows;
    }

    /** The UTC end of a station's latest hour with any value. */
    public Optional<LocalDateTime> latestHour(String code) {
        return jdbc.sql("select max(hour_end) from air_hourly where station_code = ?").param(code)
                .query(LocalDateTime.class).optional();
    }

    /** The UTC end of the latest hour of any station. */
    public Optional<LocalDateTime> latestHour() {
        return jdbc.sql("select max(hour_end) from air_hourly").query(LocalDateTime.class).optional();
    }

    private static Double v(double[] c, Pollutant p) {
        double x = c[p.ordinal()];
        return Double.isNaN(x) ? null : x;
    }
}
