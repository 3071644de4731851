package org.envhub.platform.air;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiItem;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyConcentrations;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Derives the real-time AQI (实时AQI) of station-hours from the stored values, with {@link RuleChoice#AUTO}
 * (the rules in force at each hour), and keeps {@code air_latest} up to date. Each stored result carries its
 * rule-set id; recomputing replaces only results of the same rule set.
 */
@Service
public class HourlyAqiService {

    private static final int STATIONS_PER_CHUNK = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final HourlyValueStore values;

    public HourlyAqiService(JdbcClient jdbc, JdbcTemplate template, HourlyValueStore values) {
        this.jdbc = jdbc;
        this.template = template;
        this.values = values;
    }

    /** The AQI of one station-hour under the rules in force then; {@code hourEndUtc} is the stored UTC end. */
    public static AqiResult compute(LocalDateTime hourEndUtc, double[] c) {
        AqiRuleSet rules = RuleChoice.AUTO.forHour(AirTime.toLocal(hourEndUtc));
        return Aqi.hourly(rules, HourlyConcentrations.of(c[Pollutant.SO2.ordinal()], c[Pollutant.NO2.ordinal()],
                c[Pollutant.CO.ordinal()], c[Pollutant.O3.ordinal()], c[Pollutant.PM10.ordinal()], c[Pollutant.PM25.ordinal()]));
    }

    /** Recomputes what a store changed, from the values it handed back (no re-read). */
    public void recompute(StoreResult result) {
        recompute(result.changed(), result.current());
    }

    /** Recomputes the hourly AQI of the given station-hours, reading their values, and the latest values of their stations. */
    public void recompute(Collection<StationHour> changed) {
        recompute(changed, null);
    }

    private void recompute(Collection<StationHour> changed, Map<StationHour, double[]> known) {
        Map<String, TreeSet<LocalDateTime>> byStation = new TreeMap<>();
        for (StationHour sh : changed) {
            byStation.computeIfAbsent(sh.stationCode(), k -> new TreeSet<>()).add(sh.hourEnd());
        }
        List<String> stations = new ArrayList<>(byStation.keySet());
        for (int from = 0; from < stations.size(); from += STATIONS_PER_CHUNK) {
            List<String> chunk = stations.subList(from, Math.min(stations.size(), from + STATIONS_PER_CHUNK));
            LocalDateTime first = chunk.stream().map(s -> byStation.get(s).first()).min(LocalDateTime::compareTo).orElseThrow();
            LocalDateTime last = chunk.stream().map(s -> byStation.get(s).last()).max(LocalDateTime::compareTo).orElseThrow();
            Map<StationHour, double[]> conc = known != null ? known : values.concentrations(chunk, first, last);
            Set<ResultKey> stored = existingKeys(chunk, first, last);

            List<Object[]> deletes = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            Map<String, Object[]> newest = new HashMap<>(); // per station, the latest row of its newest changed hour
            for (String station : chunk) {
                for (LocalDateTime hour : byStation.get(station)) {
                    StationHour key = new StationHour(station, hour);
                    double[] c = conc.get(key);
                    AqiRuleSet rules = RuleChoice.AUTO.forHour(AirTime.toLocal(hour));
                    Timestamp ts = Timestamp.valueOf(hour);
                    if (stored.contains(new ResultKey(station, rules.id(), hour))) {
                        deletes.add(new Object[] {station, ts, rules.id()});
                    }
                    if (c == null) {
                        continue; // every value of that hour was removed
                    }
                    AqiResult r = compute(hour, c);
                    Integer aqi = r.hasAqi() ? r.aqi() : null;
                    String primary = emptyToNull(r.primaryLabel());
                    inserts.add(new Object[] {station, ts, rules.id(), aqi, primary,
                            sub(r, AqiItem.SO2), sub(r, AqiItem.NO2), sub(r, AqiItem.CO), sub(r, AqiItem.O3_1H),
                            sub(r, AqiItem.PM10), sub(r, AqiItem.PM25)});
                    newest.put(station, new Object[] {station, ts, rules.id(), aqi, primary, v(c, 0), v(c, 1), v(c, 2), v(c, 3), v(c, 4), v(c, 5)});
                }
            }
            template.batchUpdate("delete from air_hourly_aqi where station_code = ? and hour_end = ? and rule_set = ?", deletes);
            for (int i = 0; i < inserts.size(); i += 5_000) {
                template.batchUpdate("""
                        insert into air_hourly_aqi (station_code, hour_end, rule_set, aqi, primary_pollutant,
                            iaqi_so2, iaqi_no2, iaqi_co, iaqi_o3, iaqi_pm10, iaqi_pm25) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        inserts.subList(i, Math.min(inserts.size(), i + 5_000)), RESULT_TYPES);
            }
            refreshLatest(newest);
        }
    }

    // Parameter types given, so that no driver is asked for them at each null (a measurable share of loading the demo data).
    private static final int[] RESULT_TYPES = {Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
            Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER};
    private static final int[] LATEST_TYPES = {Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
            Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE};

    private record ResultKey(String station, String ruleSet, LocalDateTime hourEnd) {}

    /** Keys of the results already stored in the range. */
    private Set<ResultKey> existingKeys(List<String> stations, LocalDateTime first, LocalDateTime last) {
        Set<ResultKey> keys = new HashSet<>();
        jdbc.sql("select station_code, rule_set, hour_end from air_hourly_aqi where station_code in (:s) and hour_end between :a and :b")
                .param("s", stations).param("a", first).param("b", last)
                .query(rs -> {
                    keys.add(new ResultKey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)));
                });
        return keys;
    }

    /**
     * Moves {@code air_latest} of these stations to their newest changed hour where that is not older than the hour it
     * holds. Values are never removed, so a station's latest hour is either the one held or the newest it gained.
     */
    private void refreshLatest(Map<String, Object[]> newest) {
        if (newest.isEmpty()) {
            return;
        }
        Map<String, LocalDateTime> held = new HashMap<>();
        jdbc.sql("select station_code, hour_end from air_latest where station_code in (:s)").param("s", newest.keySet())
                .query(rs -> {
                    held.put(rs.getString(1), rs.getObject(2, LocalDateTime.class));
                });
        List<Object[]> rows = newest.values().stream()
                .filter(row -> !held.containsKey((String) row[0]) || !((Timestamp) row[1]).toLocalDateTime().isBefore(held.get((String) row[0])))
                .toList();
        template.batchUpdate("delete from air_latest where station_code = ?", rows.stream().map(row -> new Object[] {row[0]}).toList());
        template.batchUpdate("insert into air_latest (station_code, hour_end, rule_set, aqi, primary_pollutant, so2, no2, co, o3, pm10, pm25) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, LATEST_TYPES);
    }

    private static Double v(double[] c, int i) {
        return Double.isNaN(c[i]) ? null : c[i];
    }

    private static Integer sub(AqiResult r, AqiItem item) {
        int v = r.subIndex(item);
        return v == AqiResult.MISSING ? null : v;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
