package org.envhub.platform.water;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.envhub.platform.air.AirTime;
import org.envhub.standards.water.Concentrations;
import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterSample;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sample values (监测数据), one row per section, sampling time, source and item; times are stored in UTC and
 * given and taken in Beijing time. Storing a file's samples is idempotent: an identical value changes nothing, a
 * different one replaces the stored one, which moves to {@code water_sample_history}.
 */
@Repository
public class WaterSampleStore {

    public static final String MANUAL = "manual";
    public static final String AUTO = "auto";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public WaterSampleStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** What storing did: values new, corrected, unchanged, and the months (Beijing) whose samples changed. */
    public record Stored(int added, int replaced, int same, Set<YearMonth> months) {}

    /** One sample as stored: Beijing time, source, values. */
    public record StoredSample(String section, LocalDateTime time, String source, Concentrations values) {}

    private record Key(String section, LocalDateTime utc, String item) {}

    private record Old(double value, Long importId) {}

    /** Stores laboratory samples ({@code manual}) in the caller's transaction; sample times are Beijing time. */
    public Stored storeManual(long importId, List<WaterSample> samples) {
        if (samples.isEmpty()) {
            return new Stored(0, 0, 0, Set.of());
        }
        List<String> sections = samples.stream().map(WaterSample::section).distinct().toList();
        LocalDateTime first = samples.stream().map(s -> AirTime.toUtc(s.time())).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = samples.stream().map(s -> AirTime.toUtc(s.time())).max(LocalDateTime::compareTo).orElseThrow();
        Map<Key, Old> existing = new HashMap<>();
        for (int from = 0; from < sections.size(); from += 500) {
            jdbc.sql("""
                            select section_code, sampled_at, item, item_value, import_id from water_sample
                            where source = 'manual' and section_code in (:sections) and sampled_at between :first and :last""")
                    .param("sections", sections.subList(from, Math.min(sections.size(), from + 500))).param("first", first).param("last", last)
                    .query(rs -> {
                        long imp = rs.getLong(5);
                        existing.put(new Key(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3)),
                                new Old(rs.getDouble(4), rs.wasNull() ? null : imp));
                    });
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Set<YearMonth> months = new TreeSet<>();
        int added = 0, replaced = 0, same = 0;
        Timestamp now = Timestamp.valueOf(AirTime.nowUtc());
        for (WaterSample s : samples) {
            LocalDateTime utc = AirTime.toUtc(s.time());
            Timestamp at = Timestamp.valueOf(utc);
            for (WaterItem item : WaterItem.values()) {
                double v = s.values().get(item);
                if (Double.isNaN(v)) {
                    continue; // an empty cell says nothing: it neither adds nor removes a value
                }
                Key key = new Key(s.section(), utc, item.column());
                Old old = existing.get(key);
                if (old == null) {
                    inserts.add(new Object[] {s.section(), at, MANUAL, item.column(), v, importId});
                    added++;
                } else if (old.value() == v) {
                    same++;
                    continue;
                } else {
                    history.add(new Object[] {s.section(), at, MANUAL, item.column(), old.value(), old.importId(), now, importId});
                    updates.add(new Object[] {v, importId, s.section(), at, MANUAL, item.column()});
                    replaced++;
                }
                existing.put(key, new Old(v, importId));
                months.add(YearMonth.from(s.time()));
            }
        }
        template.batchUpdate("insert into water_sample (section_code, sampled_at, source, item, item_value, import_id) values (?, ?, ?, ?, ?, ?)",
                inserts);
        template.batchUpdate("insert into water_sample_history (section_code, sampled_at, source, item, item_value, import_id, replaced_at, "
                + "replaced_by) values (?, ?, ?, ?, ?, ?, ?, ?)", history);
        template.batchUpdate("update water_sample set item_value = ?, import_id = ? where section_code = ? and sampled_at = ? and source = ? "
                + "and item = ?", updates);
        return new Stored(added, replaced, same, months);
    }

    /**
     * Sets the automatic-station sample of a section's day (at 00:00 Beijing time) to these values: items no longer
     * present are removed. Derived data, rewritten whenever the station's data change, so no history is kept.
     *
     * @return whether anything changed
     */
    public boolean replaceAuto(String section, LocalDate day, Concentrations values) {
        LocalDateTime utc = AirTime.toUtc(day.atStartOfDay());
        Map<String, Double> stored = new HashMap<>();
        jdbc.sql("select item, item_value from water_sample where section_code = ? and sampled_at = ? and source = 'auto'")
                .params(section, utc).query(rs -> {
                    stored.put(rs.getString(1), rs.getDouble(2));
                });
        Map<String, Double> wanted = new HashMap<>();
        for (WaterItem item : WaterItem.values()) {
            if (values.has(item)) {
                wanted.put(item.column(), values.get(item));
            }
        }
        if (stored.equals(wanted)) {
            return false;
        }
        jdbc.sql("delete from water_sample where section_code = ? and sampled_at = ? and source = 'auto'").params(section, utc).update();
        List<Object[]> rows = new ArrayList<>();
        wanted.forEach((item, v) -> rows.add(new Object[] {section, Timestamp.valueOf(utc), AUTO, item, v}));
        template.batchUpdate("insert into water_sample (section_code, sampled_at, source, item, item_value) values (?, ?, ?, ?, ?)", rows);
        return true;
    }

    /**
     * Every sample of the sections in {@code bodies} on Beijing days {@code from} to {@code to} (inclusive), as the
     * standards library takes them: each with the water body its section is registered with.
     */
    public List<WaterSample> samples(LocalDate from, LocalDate to, Map<String, WaterBody> bodies) {
        List<WaterSample> list = new ArrayList<>();
        for (StoredSample s : read(null, from, to)) {
            WaterBody body = bodies.get(s.section());
            if (body != null) {
                list.add(new WaterSample(s.section(), s.time(), body, s.values()));
            }
        }
        return list;
    }

    /** The samples of one section (or all, for null) on Beijing days {@code from} to {@code to}, by time. */
    public List<StoredSample> read(String section, LocalDate from, LocalDate to) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, StoredSample> keys = new HashMap<>();
        jdbc.sql("select section_code, sampled_at, source, item, item_value from water_sample where sampled_at >= :from and sampled_at < :to"
                        + (section == null ? "" : " and section_code = :section") + " order by sampled_at, section_code, source")
                .param("from", AirTime.toUtc(from.atStartOfDay())).param("to", AirTime.toUtc(to.plusDays(1).atStartOfDay()))
                .param("section", section)
                .query(rs -> {
                    String code = rs.getString(1);
                    LocalDateTime local = AirTime.toLocal(rs.getObject(2, LocalDateTime.class));
                    String source = rs.getString(3);
                    String k = code + '\u0000' + local + '\u0000' + source;
                    double[] v = rows.computeIfAbsent(k, x -> {
                        keys.put(x, new StoredSample(code, local, source, null));
                        double[] a = new double[WaterItem.count()];
                        Arrays.fill(a, Double.NaN);
                        return a;
                    });
                    WaterItem item = WaterItem.byName(rs.getString(4));
                    if (item != null) {
                        v[item.ordinal()] = rs.getDouble(5);
                    }
                });
        List<StoredSample> list = new ArrayList<>(rows.size());
        rows.forEach((k, v) -> {
            StoredSample s = keys.get(k);
            list.add(new StoredSample(s.section(), s.time(), s.source(), Concentrations.ofArray(v)));
        });
        return list;
    }

    /** The latest Beijing day with any sample. */
    public Optional<LocalDate> latestDay() {
        LocalDateTime max = jdbc.sql("select max(sampled_at) from water_sample").query(LocalDateTime.class).optional().orElse(null);
        return Optional.ofNullable(max).map(m -> AirTime.toLocal(m).toLocalDate());
    }

    /** The Beijing months with any sample, oldest first. */
    public List<YearMonth> months() {
        LocalDateTime min = jdbc.sql("select min(sampled_at) from water_sample").query(LocalDateTime.class).optional().orElse(null);
        LocalDateTime max = jdbc.sql("select max(sampled_at) from water_sample").query(LocalDateTime.class).optional().orElse(null);
        if (min == null || max == null) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(AirTime.toLocal(min)); !m.isAfter(YearMonth.from(AirTime.toLocal(max))); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public long count() {
        return jdbc.sql("select count(*) from water_sample").query(Long.class).single();
    }

    public long historyCount() {
        return jdbc.sql("select count(*) from water_sample_history").query(Long.class).single();
    }
}
