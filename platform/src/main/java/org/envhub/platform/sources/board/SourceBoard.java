package org.envhub.platform.sources.board;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.envhub.hj212.codes.PollutantCodes;
import org.envhub.platform.sources.LatestFactorValue;
import org.envhub.platform.sources.SourceQueries;
import org.envhub.platform.sources.SourceScope;
import org.envhub.platform.sources.SourceTime;
import org.envhub.platform.sources.alarms.AlarmSettings;
import org.envhub.platform.sources.alarms.EmissionLimit;
import org.envhub.platform.sources.alarms.EmissionLimits;
import org.envhub.platform.sources.registry.EnterpriseView;
import org.envhub.platform.sources.registry.SourceRegistry;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the 污染源 pages show: enterprises with their devices online and alarms, an enterprise's latest values
 * against its limits and its daily compliance strip, and the summary for the command centre. A device is online
 * when its data arrived within the missing-data time ({@code missing-intervals} × {@code data-interval}, 10 min by
 * default): the same test as the missing-data alarm, so a device is offline exactly when it could raise one.
 */
@Component
public class SourceBoard {

    private static final PollutantCodes CODES = PollutantCodes.standard();
    /** The data packets' kinds (CN 2xxx), named so the (mn, cn, data_time) key is used rather than scanned. */
    static final String DATA_KINDS = "'2011', '2021', '2031', '2041', '2051', '2061', '2072', '2073'";

    private final NamedParameterJdbcTemplate jdbc;
    private final SourceRegistry registry;
    private final SourceQueries queries;
    private final EmissionLimits limits;
    private final AlarmSettings settings;

    public SourceBoard(NamedParameterJdbcTemplate jdbc, SourceRegistry registry, SourceQueries queries, EmissionLimits limits,
                       AlarmSettings settings) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.queries = queries;
        this.limits = limits;
        this.settings = settings;
    }

    private record DeviceRow(long enterprise, long point, String mn, String status, LocalDateTime lastData) {}

    /** Devices at points of the enterprises the scope sees (all of one enterprise when {@code enterpriseId} is given). */
    private List<DeviceRow> devices(SourceScope scope, Long enterpriseId) {
        Map<String, Object> p = scope.newParams();
        String sql = "select o.enterprise_id, d.point_id, d.mn, d.status, (select max(l.received_at) from latest_value l where l.mn = d.mn)"
                + " from device d join monitoring_point mp on mp.id = d.point_id join outlet o on o.id = mp.outlet_id where "
                + scope.enterpriseCondition("o.enterprise_id", p);
        if (enterpriseId != null) {
            sql += " and o.enterprise_id = :enterprise";
            p.put("enterprise", enterpriseId);
        }
        return jdbc.query(sql + " order by d.mn", p, (rs, i) -> new DeviceRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDateTime.class)));
    }

    private LocalDateTime onlineSince() {
        return SourceTime.nowUtc().minus(settings.missingAfter());
    }

    /** Alarms not closed, per enterprise, of the enterprises the scope sees. */
    private Map<Long, Integer> openAlarms(SourceScope scope) {
        Map<String, Object> p = scope.newParams();
        Map<Long, Integer> out = new HashMap<>();
        jdbc.query("select o.enterprise_id, count(*) from source_alarm s join device d on d.mn = s.mn join monitoring_point mp on mp.id = d.point_id"
                + " join outlet o on o.id = mp.outlet_id where s.status <> 'closed' and " + scope.enterpriseCondition("o.enterprise_id", p)
                + " group by o.enterprise_id", p, rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    /** The enterprises the scope sees, with their devices online and open alarms; filters optional. */
    public List<EnterpriseStatus> enterprises(SourceScope scope, Long districtId, String industry, String status) {
        if (status != null && !status.isBlank() && !Set.of("online", "partial", "offline", "none", "alarm").contains(status.trim())) {
            throw new IllegalArgumentException("status: online, partial, offline, none or alarm, got '" + status.trim() + "'");
        }
        LocalDateTime since = onlineSince();
        Map<Long, int[]> counts = new HashMap<>(); // enterprise -> {devices, online}
        Map<Long, LocalDateTime> last = new HashMap<>();
        for (DeviceRow d : devices(scope, null)) {
            if (d.lastData() != null) {
                last.merge(d.enterprise(), d.lastData(), (a, b) -> a.isAfter(b) ? a : b);
            }
            if (d.status().equals("disabled")) {
                continue;
            }
            int[] c = counts.computeIfAbsent(d.enterprise(), k -> new int[2]);
            c[0]++;
            if (d.lastData() != null && !d.lastData().isBefore(since)) {
                c[1]++;
            }
        }
        Map<Long, Integer> alarms = openAlarms(scope);
        List<EnterpriseStatus> out = new ArrayList<>();
        for (EnterpriseView e : registry.enterprises(scope)) {
            int[] c = counts.getOrDefault(e.id(), new int[2]);
            String s = c[0] == 0 ? "none" : c[1] == c[0] ? "online" : c[1] == 0 ? "offline" : "partial";
            int open = alarms.getOrDefault(e.id(), 0);
            if (districtId != null && !districtId.equals(e.districtId()) || industry != null && !industry.isBlank() && !industry.trim().equals(e.industry())) {
                continue;
            }
            if (status != null && !status.isBlank() && !(status.trim().equals("alarm") ? open > 0 : status.trim().equals(s))) {
                continue;
            }
            out.add(new EnterpriseStatus(e.id(), e.name(), e.creditCode(), e.districtId(), e.district(), e.industry(), c[0], c[1], c[0] - c[1], s,
                    open, SourceTime.show(last.get(e.id()))));
        }
        return out;
    }

    /** The latest values of each device of an enterprise, against the limits in force today. */
    public List<LatestReading> latest(SourceScope scope, long enterpriseId) {
        registry.requireVisible(scope, enterpriseId);
        Map<Long, String[]> pointNames = new HashMap<>();
        jdbc.query("select mp.id, mp.name, o.name from monitoring_point mp join outlet o on o.id = mp.outlet_id where o.enterprise_id = :e",
                Map.of("e", enterpriseId), rs -> {
                    pointNames.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        LocalDate today = LocalDate.now(SourceTime.BEIJING);
        List<LatestReading> out = new ArrayList<>();
        for (DeviceRow d : devices(SourceScope.everything(), enterpriseId)) {
            List<LatestReading.Value> values = new ArrayList<>();
            for (LatestFactorValue v : queries.latest(d.mn())) {
                EmissionLimit limit = limits.inForce(d.point(), v.factor(), today).orElse(null);
                Double judged = limit != null && limit.onConverted() && v.zsValue() != null ? v.zsValue() : v.value();
                values.add(new LatestReading.Value(v, limit == null ? null : limit.limit(), limit == null ? null : limit.onConverted(),
                        limit != null && judged != null && judged > limit.limit()));
            }
            String[] names = pointNames.getOrDefault(d.point(), new String[2]);
            out.add(new LatestReading(d.mn(), d.point(), names[0], names[1], values));
        }
        return out;
    }

    /** When data last arrived from the enterprise's devices, as a DataTime (Beijing day), or null. */
    public LocalDate lastDataDay(long enterpriseId) {
        LocalDateTime t = jdbc.queryForObject("select max(l.data_time) from latest_value l where l.mn in (select d.mn from device d"
                + " join monitoring_point mp on mp.id = d.point_id join outlet o on o.id = mp.outlet_id where o.enterprise_id = :e)",
                Map.of("e", enterpriseId), LocalDateTime.class);
        return t == null ? null : SourceTime.show(t).toLocalDate();
    }

    /**
     * The enterprise's compliance strip: one status per day from {@code to} − days + 1 to {@code to} (Beijing days),
     * judged as the alarm rules judge (the limit in force on the day; ZsAvg where the limit says converted).
     */
    public List<DayStatus> days(SourceScope scope, long enterpriseId, LocalDate to, int days) {
        registry.requireVisible(scope, enterpriseId);
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days: 1 to 366, got " + days);
        }
        LocalDate first = to.minusDays(days - 1);
        LocalDateTime from = SourceTime.dataTimeToUtc(first.atStartOfDay());
        LocalDateTime until = SourceTime.dataTimeToUtc(to.plusDays(1).atStartOfDay());
        List<DeviceRow> devices = devices(SourceScope.everything(), enterpriseId);
        Map<String, Long> pointOf = new HashMap<>();
        devices.forEach(d -> pointOf.put(d.mn(), d.point()));
        int points = (int) devices.stream().map(DeviceRow::point).distinct().count();
        Map<LocalDate, Integer> hourly = new TreeMap<>();
        Set<LocalDate> withData = new HashSet<>();
        Map<LocalDate, Integer> over = new HashMap<>();
        if (!devices.isEmpty()) {
            Map<String, Object> p = new HashMap<>();
            p.put("mns", List.copyOf(pointOf.keySet()));
            p.put("from", from);
            p.put("to", until);
            // One row per device, data kind and Beijing day: a day's real-time packets can be thousands.
            jdbc.query("select cn, cast(data_time + interval '8' hour as date), count(*) from data_packet where mn in (:mns)"
                    + " and cn in ('2011', '2051', '2061', '2031') and data_time >= :from and data_time < :to"
                    + " group by mn, cn, cast(data_time + interval '8' hour as date)", p, rs -> {
                        LocalDate day = rs.getObject(2, LocalDate.class);
                        withData.add(day);
                        if (rs.getString(1).equals("2061")) {
                            hourly.merge(day, rs.getInt(3), Integer::sum);
                        }
                    });
            exceedances(pointOf, from, until, over);
        }
        LocalDateTime now = LocalDateTime.now(SourceTime.BEIJING);
        List<DayStatus> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(to); d = d.plusDays(1)) {
            long hours = d.isBefore(now.toLocalDate()) ? 24 : d.isAfter(now.toLocalDate()) ? 0 : ChronoUnit.HOURS.between(d.atStartOfDay(), now);
            int due = (int) (points * hours);
            int h = hourly.getOrDefault(d, 0);
            int x = over.getOrDefault(d, 0);
            String status = !withData.contains(d) ? "nodata" : x > 0 ? "exceedance" : h < due ? "missing" : "compliant";
            out.add(new DayStatus(d, status, h, due, x));
        }
        return out;
    }

    /** Hourly and daily averages over the limit in force on their day, counted per Beijing day. */
    private void exceedances(Map<String, Long> pointOf, LocalDateTime from, LocalDateTime until, Map<LocalDate, Integer> over) {
        // Only factors with a limit: the measurement key starts (mn, factor, cn, data_time), so naming them keeps
        // the real-time rows of other factors out of the scan.
        Map<Long, List<EmissionLimit>> byPoint = new HashMap<>();
        Set<String> factors = new HashSet<>();
        for (Long point : new HashSet<>(pointOf.values())) {
            List<EmissionLimit> l = limits.of(point);
            byPoint.put(point, l);
            for (EmissionLimit e : l) {
                factors.add(e.factor());
                CODES.lookup(e.factor()).map(c -> c.code2005()).filter(c -> !c.isEmpty()).ifPresent(factors::add);
            }
        }
        if (factors.isEmpty()) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("mns", List.copyOf(pointOf.keySet()));
        p.put("factors", List.copyOf(factors));
        p.put("from", from);
        p.put("to", until);
        jdbc.query("select mn, factor, data_time, avg_value, zs_avg from measurement where mn in (:mns) and factor in (:factors)"
                + " and cn in ('2061', '2031') and data_time >= :from and data_time < :to", p, rs -> {
                    LocalDate day = SourceTime.show(rs.getObject(3, LocalDateTime.class)).toLocalDate();
                    String code = EmissionLimits.code2017(rs.getString(2));
                    Double avg = rs.getObject(4, Double.class);
                    Double zs = rs.getObject(5, Double.class);
                    for (EmissionLimit l : byPoint.getOrDefault(pointOf.get(rs.getString(1)), List.of())) {
                        if (l.factor().equals(code) && l.inForceOn(day)) {
                            Double v = l.onConverted() && zs != null ? zs : avg;
                            if (v != null && v > l.limit()) {
                                over.merge(day, 1, Integer::sum);
                            }
                        }
                    }
                });
    }

    /** The summary for the command centre. */
    public SourcesSummary summary(SourceScope scope) {
        LocalDateTime since = onlineSince();
        List<DeviceRow> devices = devices(scope, null);
        int active = 0;
        int online = 0;
        LocalDateTime last = null;
        Set<Long> points = new HashSet<>();
        for (DeviceRow d : devices) {
            if (d.lastData() != null && (last == null || d.lastData().isAfter(last))) {
                last = d.lastData();
            }
            if (!d.status().equals("disabled")) {
                active++;
                online += d.lastData() != null && !d.lastData().isBefore(since) ? 1 : 0;
            }
            if (d.status().equals("active")) {
                points.add(d.point());
            }
        }
        int pending = scope.unlimited() ? jdbc.queryForObject("select count(*) from device where status = 'pending'", Map.of(), Integer.class) : 0;
        Map<String, Object> p = scope.newParams();
        Map<String, Long> byKind = new LinkedHashMap<>();
        jdbc.query("select kind, count(*) from source_alarm where status <> 'closed' and " + scope.mnCondition("mn", p) + " group by kind order by kind",
                p, rs -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                });
        // 联网率 today, as the KPI counts it: points with an active device that sent any data packet dated today.
        LocalDate today = LocalDate.now(SourceTime.BEIJING);
        Map<String, Object> q = scope.newParams();
        q.put("from", SourceTime.dataTimeToUtc(today.atStartOfDay()));
        q.put("to", SourceTime.dataTimeToUtc(today.plusDays(1).atStartOfDay()));
        List<Long> reporting = jdbc.queryForList("select distinct d.point_id from device d where d.status = 'active' and d.point_id is not null and "
                + scope.mnCondition("d.mn", q) + " and exists (select 1 from data_packet k where k.mn = d.mn and k.cn in (" + DATA_KINDS + ")"
                + " and k.data_time >= :from and k.data_time < :to)", q, Long.class);
        Double rate = points.isEmpty() ? null : Math.round(10000.0 * reporting.stream().filter(points::contains).count() / points.size()) / 10000.0;
        Map<String, Object> r = scope.newParams();
        LocalDateTime newest = jdbc.queryForObject("select max(l.data_time) from latest_value l where l.mn in (select d.mn from device d"
                + " where d.point_id is not null and " + scope.mnCondition("d.mn", r) + ")", r, LocalDateTime.class);
        return new SourcesSummary(registry.enterprises(scope).size(), active, online, active - online, pending,
                byKind.values().stream().mapToLong(Long::longValue).sum(), byKind, rate, SourceTime.show(last), SourceTime.show(newest));
    }
}
