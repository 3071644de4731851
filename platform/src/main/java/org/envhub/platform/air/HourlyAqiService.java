package org.envhub.platform.air;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
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
                    inserts.add(new Object[] {station, ts, rules.id(), r.hasAqi() ? r.aqi() : null, emptyToNull(r.primaryLabel()),
                            sub(r, AqiItem.SO2), sub(r, AqiItem.NO2), sub(r, AqiItem.CO), sub(r, AqiItem.O3_1H),
                            sub(r, AqiItem.PM10), sub(r, AqiItem.PM25)});
                }
            }
            template.batchUpdate("delete from air_hourly_aqi where station_code = ? and hour_end = ? and rule_set = ?", deletes);
            for (int i = 0; i < inserts.size(); i += 5_000) {
                template.batchUpdate("""
                        insert into air_hourly_aqi (station_code, hour_end, rule_set, aqi, primary_pollutant,
                            iaqi_so2, iaqi_no2, iaqi_co, iaqi_o3, iaqi_pm10, iaqi_pm25) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        inserts.subList(i, Math.min(inserts.size(), i + 5_000)));
            }
            refreshLatest(chunk);
        }
    }

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

    /** Rewrites {@code air_latest} for these stations from their latest hour with any value. */
    void refreshLatest(List<String> stations) {
        jdbc.sql("delete from air_latest where station_code in (:s)").param("s", stations).update();
        jdbc.sql("""
                insert into air_latest (station_code, hour_end, rule_set, aqi, primary_pollutant, so2, no2, co, o3, pm10, pm25)
                select h.station_code, h.hour_end, coalesce(a.rule_set, 'none'), a.aqi, a.primary_pollutant,
                       h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25
                from (select station_code, max(hour_end) as hour_end from air_hourly where station_code in (:s) group by station_code) x
                join air_hourly h on h.station_code = x.station_code and h.hour_end = x.hour_end
                left join air_hourly_aqi a on a.station_code = x.station_code and a.hour_end = x.hour_end
                     and a.rule_set in ('cnemc', 'hj633-2026')""")
                .param("s", stations).update();
    }

    private static Integer sub(AqiResult r, AqiItem item) {
        int v = r.subIndex(item);
        return v == AqiResult.MISSING ? null : v;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
