package org.envhub.platform.air;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.envhub.standards.air.Pollutant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hourly value table, one row per station-hour with the six pollutants side by side. Storing is
 * idempotent value by value: a value identical to the stored one changes nothing, a different one replaces it
 * and the old one goes to {@code air_hourly_history}, and a pollutant an import does not carry keeps its value.
 */
@Repository
public class HourlyValueStore {

    private static final int STATIONS_PER_CHUNK = 200;
    private static final int BATCH = 5_000;
    private static final Pollutant[] POLLUTANTS = Pollutant.values();

    /** The six value columns, then the six flag columns, in {@link Pollutant} order. */
    static final String VALUE_COLUMNS = Arrays.stream(POLLUTANTS).map(HourlyValueStore::column).collect(Collectors.joining(", "));
    static final String FLAG_COLUMNS = Arrays.stream(POLLUTANTS).map(p -> column(p) + "_flag").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public HourlyValueStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The column of a pollutant in air_hourly and air_latest: so2, no2, co, o3, pm10, pm25. */
    public static String column(Pollutant p) {
        return p.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Stores single values in the caller's transaction (grouped into station-hours first). */
    public StoreResult store(long importId, Collection<HourlyValue> values) {
        Map<StationHour, StationHourValues> rows = new LinkedHashMap<>();
        for (HourlyValue v : values) {
            StationHourValues row = rows.computeIfAbsent(new StationHour(v.stationCode(), v.hourEnd()),
                    k -> StationHourValues.empty(k.stationCode(), k.hourEnd()));
            row.values()[v.pollutant().ordinal()] = v.concentration();
            row.flags()[v.pollutant().ordinal()] = v.flag();
        }
        return storeHours(importId, rows.values());
    }

    /** Stores station-hours in the caller's transaction. Their stations must be registered. */
    public StoreResult storeHours(long importId, Collection<StationHourValues> hours) {
        Map<String, List<StationHourValues>> byStation = new TreeMap<>();
        for (StationHourValues h : hours) {
            byStation.computeIfAbsent(h.stationCode(), k -> new ArrayList<>()).add(h);
        }
        List<String> stations = new ArrayList<>(byStation.keySet());
        int added = 0, replaced = 0, same = 0;
        Map<StationHour, double[]> current = new HashMap<>();
        Timestamp now = Timestamp.valueOf(AirTime.nowUtc());
        for (int from = 0; from < stations.size(); from += STATIONS_PER_CHUNK) {
            List<String> chunk = stations.subList(from, Math.min(stations.size(), from + STATIONS_PER_CHUNK));
            List<StationHourValues> incoming = new ArrayList<>();
            chunk.forEach(s -> incoming.addAll(byStation.get(s)));
            Map<StationHour, StationHourValues> existing = existing(chunk, incoming);

            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> history = new ArrayList<>();
            for (StationHourValues in : incoming) {
                StationHour key = new StationHour(in.stationCode(), in.hourEnd());
                Timestamp hour = Timestamp.valueOf(in.hourEnd());
                StationHourValues old = existing.get(key);
                if (old == null) {
                    int n = in.count();
                    if (n == 0) {
                        continue;
                    }
                    added += n;
                    existing.put(key, in);
                    inserts.add(row(in, importId, in.stationCode(), hour));
                    current.put(key, in.values().clone());
                    continue;
                }
                StationHourValues merged = old.copy();
                boolean changed = false;
                for (Pollutant p : POLLUTANTS) {
                    int i = p.ordinal();
                    double v = in.values()[i];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    if (Double.isNaN(old.values()[i])) {
                        added++;
                    } else if (old.values()[i] == v && Objects.equals(old.flags()[i], in.flags()[i])) {
                        same++;
                        continue;
                    } else {
                        replaced++;
                        history.add(new Object[] {in.stationCode(), p.label(), hour, old.values()[i], old.flags()[i], old.importId(), now, importId});
                    }
                    merged.values()[i] = v;
                    merged.flags()[i] = in.flags()[i];
                    changed = true;
                }
                if (changed) {
                    existing.put(key, merged);
                    updates.add(row(merged, importId, in.stationCode(), hour));
                    current.put(key, merged.values().clone());
                }
            }
            String marks = "?, ".repeat(2 * POLLUTANTS.length);
            batch("insert into air_hourly (" + VALUE_COLUMNS + ", " + FLAG_COLUMNS + ", import_id, station_code, hour_end) values ("
                    + marks + "?, ?, ?)", inserts, ROW_TYPES);
            batch("insert into air_hourly_history (station_code, pollutant, hour_end, concentration, flag, import_id, replaced_at, replaced_by) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", history, HISTORY_TYPES);
            batch("update air_hourly set " + (VALUE_COLUMNS + ", " + FLAG_COLUMNS + ", import_id").replace(",", " = ?,") + " = ? "
                    + "where station_code = ? and hour_end = ?", updates, ROW_TYPES);
        }
        return new StoreResult(added, replaced, same, current);
    }

    /** Values, flags and import id, then station and hour: the parameter order of both the insert and the update. */
    private static Object[] row(StationHourValues h, long importId, String station, Timestamp hour) {
        Object[] row = new Object[2 * POLLUTANTS.length + 3];
        for (int i = 0; i < POLLUTANTS.length; i++) {
            row[i] = Double.isNaN(h.values()[i]) ? null : h.values()[i];
            row[POLLUTANTS.length + i] = h.flags()[i];
        }
        row[2 * POLLUTANTS.length] = importId;
        row[2 * POLLUTANTS.length + 1] = station;
        row[2 * POLLUTANTS.length + 2] = hour;
        return row;
    }

    private Map<StationHour, StationHourValues> existing(List<String> stations, List<StationHourValues> incoming) {
        LocalDateTime first = incoming.stream().map(StationHourValues::hourEnd).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = incoming.stream().map(StationHourValues::hourEnd).max(LocalDateTime::compareTo).orElseThrow();
        Map<StationHour, StationHourValues> existing = new HashMap<>();
        jdbc.sql("select station_code, hour_end, " + VALUE_COLUMNS + ", " + FLAG_COLUMNS + ", import_id from air_hourly "
                        + "where station_code in (:stations) and hour_end between :first and :last")
                .param("stations", stations).param("first", first).param("last", last)
                .query(rs -> {
                    StationHourValues h = readRow(rs);
                    existing.put(new StationHour(h.stationCode(), h.hourEnd()), h);
                });
        return existing;
    }

    /** Reads a row selected as station_code, hour_end, the value columns, the flag columns and import_id. */
    private static StationHourValues readRow(ResultSet rs) throws SQLException {
        StationHourValues h = new StationHourValues(rs.getString(1), rs.getObject(2, LocalDateTime.class), values(rs, 3),
                new String[POLLUTANTS.length], rs.getObject(3 + 2 * POLLUTANTS.length, Long.class));
        for (int i = 0; i < POLLUTANTS.length; i++) {
            h.flags()[i] = rs.getString(3 + POLLUTANTS.length + i);
        }
        return h;
    }

    /** The six value columns starting at {@code column}, NaN where null. */
    public static double[] values(ResultSet rs, int column) throws SQLException {
        double[] row = new double[POLLUTANTS.length];
        for (int i = 0; i < POLLUTANTS.length; i++) {
            double v = rs.getDouble(column + i);
            row[i] = rs.wasNull() ? Double.NaN : v;
        }
        return row;
    }

    private void batch(String sql, List<Object[]> rows, int[] types) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)), types);
        }
    }

    // Parameter types given, so that no driver is asked for them at each null (a measurable share of loading the demo data).
    private static final int[] ROW_TYPES = rowTypes();
    private static final int[] HISTORY_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.DOUBLE, Types.VARCHAR, Types.BIGINT,
            Types.TIMESTAMP, Types.BIGINT};

    /** The types of {@link #row}: six doubles, six flags, the import id, the station and the hour. */
    private static int[] rowTypes() {
        int[] types = new int[2 * POLLUTANTS.length + 3];
        Arrays.fill(types, 0, POLLUTANTS.length, Types.DOUBLE);
        Arrays.fill(types, POLLUTANTS.length, 2 * POLLUTANTS.length, Types.VARCHAR);
        types[2 * POLLUTANTS.length] = Types.BIGINT;
        types[2 * POLLUTANTS.length + 1] = Types.VARCHAR;
        types[2 * POLLUTANTS.length + 2] = Types.TIMESTAMP;
        return types;
    }

    /** The values of some stations between two UTC hour ends (inclusive), for deriving results. */
    public Map<StationHour, double[]> concentrations(Collection<String> stations, LocalDateTime first, LocalDateTime last) {
        Map<StationHour, double[]> result = new HashMap<>();
        jdbc.sql("select station_code, hour_end, " + VALUE_COLUMNS + " from air_hourly "
                        + "where station_code in (:stations) and hour_end between :first and :last")
                .param("stations", stations).param("first", first).param("last", last)
                .query(rs -> {
                    result.put(new StationHour(rs.getString(1), rs.getObject(2, LocalDateTime.class)), values(rs, 3));
                });
        return result;
    }

    /** Six NaNs, indexed by {@link Pollutant#ordinal()}. */
    public static double[] newRow() {
        double[] row = new double[POLLUTANTS.length];
        Arrays.fill(row, Double.NaN);
        return row;
    }

    /** The number of stored values (not station-hours). */
    public long count() {
        String nonNull = Arrays.stream(POLLUTANTS).map(p -> "count(" + column(p) + ")").collect(Collectors.joining(" + "));
        return jdbc.sql("select " + nonNull + " from air_hourly").query(Long.class).single();
    }

    public long historyCount() {
        return jdbc.sql("select count(*) from air_hourly_history").query(Long.class).single();
    }
}
