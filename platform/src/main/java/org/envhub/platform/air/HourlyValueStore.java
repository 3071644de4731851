package org.envhub.platform.air;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.envhub.standards.air.Pollutant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hourly value table. Storing is idempotent: a value identical to the stored one changes nothing, a
 * different one replaces it and the old one goes to {@code air_hourly_history}.
 */
@Repository
public class HourlyValueStore {

    private static final int STATIONS_PER_CHUNK = 200;
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public HourlyValueStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private record Key(String station, String pollutant, LocalDateTime hourEnd) {}

    private record Stored(double concentration, String flag, Long importId) {}

    /** Stores the values in the caller's transaction. Values must belong to registered stations. */
    public StoreResult store(long importId, Collection<HourlyValue> values) {
        Map<String, List<HourlyValue>> byStation = new TreeMap<>();
        for (HourlyValue v : values) {
            byStation.computeIfAbsent(v.stationCode(), k -> new ArrayList<>()).add(v);
        }
        List<String> stations = new ArrayList<>(byStation.keySet());
        int added = 0, replaced = 0, same = 0;
        Map<StationHour, double[]> current = new HashMap<>();
        LocalDateTime now = AirTime.nowUtc();
        for (int from = 0; from < stations.size(); from += STATIONS_PER_CHUNK) {
            List<String> chunk = stations.subList(from, Math.min(stations.size(), from + STATIONS_PER_CHUNK));
            List<HourlyValue> incoming = new ArrayList<>();
            chunk.forEach(s -> incoming.addAll(byStation.get(s)));
            Map<Key, Stored> existing = existing(chunk, incoming);

            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> history = new ArrayList<>();
            for (HourlyValue v : incoming) {
                Key key = new Key(v.stationCode(), v.pollutant().label(), v.hourEnd());
                Stored old = existing.get(key);
                Timestamp hour = Timestamp.valueOf(v.hourEnd());
                if (old == null) {
                    inserts.add(new Object[] {v.stationCode(), key.pollutant(), hour, v.concentration(), v.flag(), importId});
                    existing.put(key, new Stored(v.concentration(), v.flag(), importId));
                    added++;
                } else if (old.concentration() == v.concentration() && Objects.equals(old.flag(), v.flag())) {
                    same++;
                    continue;
                } else {
                    history.add(new Object[] {v.stationCode(), key.pollutant(), hour, old.concentration(), old.flag(), old.importId(),
                            Timestamp.valueOf(now), importId});
                    updates.add(new Object[] {v.concentration(), v.flag(), importId, v.stationCode(), key.pollutant(), hour});
                    existing.put(key, new Stored(v.concentration(), v.flag(), importId));
                    replaced++;
                }
                current.put(new StationHour(v.stationCode(), v.hourEnd()), null);
            }
            // Every value of a changed station-hour is in `existing` now (it covers all pollutants of the chunk's hours).
            for (Map.Entry<Key, Stored> e : existing.entrySet()) {
                StationHour sh = new StationHour(e.getKey().station(), e.getKey().hourEnd());
                if (current.containsKey(sh)) {
                    double[] row = current.get(sh);
                    if (row == null) {
                        row = newRow();
                        current.put(sh, row);
                    }
                    row[Pollutant.parse(e.getKey().pollutant()).ordinal()] = e.getValue().concentration();
                }
            }
            batch("insert into air_hourly (station_code, pollutant, hour_end, concentration, flag, import_id) values (?, ?, ?, ?, ?, ?)", inserts);
            batch("insert into air_hourly_history (station_code, pollutant, hour_end, concentration, flag, import_id, replaced_at, replaced_by) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", history);
            batch("update air_hourly set concentration = ?, flag = ?, import_id = ? where station_code = ? and pollutant = ? and hour_end = ?", updates);
        }
        return new StoreResult(added, replaced, same, current);
    }

    private Map<Key, Stored> existing(List<String> stations, List<HourlyValue> incoming) {
        LocalDateTime first = incoming.stream().map(HourlyValue::hourEnd).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = incoming.stream().map(HourlyValue::hourEnd).max(LocalDateTime::compareTo).orElseThrow();
        Map<Key, Stored> existing = new HashMap<>();
        jdbc.sql("""
                        select station_code, pollutant, hour_end, concentration, flag, import_id from air_hourly
                        where station_code in (:stations) and hour_end between :first and :last""")
                .param("stations", stations).param("first", first).param("last", last)
                .query(rs -> {
                    existing.put(new Key(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)),
                            new Stored(rs.getDouble(4), rs.getString(5), rs.getObject(6, Long.class)));
                });
        return existing;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    /** The values of some stations between two UTC hour ends (inclusive), for deriving results. */
    public Map<StationHour, double[]> concentrations(Collection<String> stations, LocalDateTime first, LocalDateTime last) {
        Map<StationHour, double[]> result = new HashMap<>();
        jdbc.sql("""
                        select station_code, pollutant, hour_end, concentration from air_hourly
                        where station_code in (:stations) and hour_end between :first and :last""")
                .param("stations", stations).param("first", first).param("last", last)
                .query(rs -> {
                    StationHour key = new StationHour(rs.getString(1), rs.getObject(3, LocalDateTime.class));
                    double[] c = result.computeIfAbsent(key, k -> newRow());
                    c[Pollutant.parse(rs.getString(2)).ordinal()] = rs.getDouble(4);
                });
        return result;
    }

    /** Six NaNs, indexed by {@link Pollutant#ordinal()}. */
    public static double[] newRow() {
        double[] row = new double[Pollutant.values().length];
        java.util.Arrays.fill(row, Double.NaN);
        return row;
    }

    public long count() {
        return jdbc.sql("select count(*) from air_hourly").query(Long.class).single();
    }

    public long historyCount() {
        return jdbc.sql("select count(*) from air_hourly_history").query(Long.class).single();
    }
}
