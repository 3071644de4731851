package org.envhub.platform.sources.alarms;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envhub.platform.sources.SourceScope;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 联网率 and 有效传输率 per enterprise and per district. The national assessment (HJ 356 and the Ministry's
 * rules on effective transmission of automatic-monitoring data) defines 有效传输率 = 传输率 × 有效率; the
 * counts below are envhub's reading of it [OPEN: checked against no published figure]:
 * <ul>
 * <li>a point counts (应联网) when it has an approved (active) device;</li>
 * <li>联网率 = points whose device sent any data packet (CN 2xxx) in the period / points;</li>
 * <li>传输率 = hourly data packets (CN 2061) with a DataTime in the period / (points × hours of the period);</li>
 * <li>有效率 = those hourly packets none of whose factors carries an abnormal flag (F M D C B T P) / hourly packets;</li>
 * <li>有效传输率 = 传输率 × 有效率 = valid hourly packets / (points × hours).</li>
 * </ul>
 */
@Component
public class NetworkKpis {

    private final NamedParameterJdbcTemplate jdbc;

    public NetworkKpis(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The KPIs by enterprise and by district for [from, to) (UTC). */
    public Map<String, List<NetworkKpi>> compute(SourceScope scope, LocalDateTime from, LocalDateTime to) {
        long hours = Duration.between(from, to).toHours();
        Map<String, Object> params = scope.newParams();
        params.put("from", from);
        params.put("to", to);
        String visible = scope.mnCondition("d.mn", params);
        // Each point with an active device: its enterprise and district.
        record Point(long point, String mn, long enterprise, String enterpriseName, Long district, String districtName) {}
        List<Point> points = jdbc.query("select p.id, d.mn, e.id, e.name, e.district_id, a.name from device d"
                + " join monitoring_point p on p.id = d.point_id join outlet o on o.id = p.outlet_id join enterprise e on e.id = o.enterprise_id"
                + " left join area a on a.id = e.district_id where d.status = 'active' and " + visible + " order by e.id, p.id", params,
                (rs, i) -> new Point(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getString(6)));
        Set<String> online = new HashSet<>(jdbc.queryForList("select distinct p.mn from data_packet p join device d on d.mn = p.mn"
                + " where p.data_time >= :from and p.data_time < :to and " + visible, params, String.class));
        Map<String, long[]> hourly = new HashMap<>(); // mn -> {received, valid}
        jdbc.query("select p.mn, p.data_time, sum(case when m.flag in ('F', 'M', 'D', 'C', 'B', 'T', 'P') then 1 else 0 end)"
                + " from data_packet p join device d on d.mn = p.mn left join measurement m on m.mn = p.mn and m.cn = p.cn and m.data_time = p.data_time"
                + " where p.cn = '2061' and p.data_time >= :from and p.data_time < :to and " + visible + " group by p.mn, p.data_time", params, rs -> {
                    long[] c = hourly.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    c[0]++;
                    if (rs.getLong(3) == 0) {
                        c[1]++;
                    }
                });
        Map<Long, Acc> enterprises = new LinkedHashMap<>();
        Map<Long, Acc> districts = new LinkedHashMap<>();
        for (Point p : points) {
            long[] h = hourly.getOrDefault(p.mn(), new long[2]);
            boolean on = online.contains(p.mn());
            enterprises.computeIfAbsent(p.enterprise(), k -> new Acc(p.enterprise(), p.enterpriseName())).add(on, hours, h);
            districts.computeIfAbsent(p.district() == null ? -1L : p.district(), k -> new Acc(p.district(), p.districtName())).add(on, hours, h);
        }
        Map<String, List<NetworkKpi>> out = new LinkedHashMap<>();
        out.put("enterprises", enterprises.values().stream().map(Acc::kpi).toList());
        out.put("districts", districts.values().stream().map(Acc::kpi).toList());
        return out;
    }

    private static final class Acc {
        final Long id;
        final String name;
        int points;
        int online;
        long expected;
        long received;
        long valid;

        Acc(Long id, String name) {
            this.id = id;
            this.name = name;
        }

        void add(boolean on, long hours, long[] h) {
            points++;
            online += on ? 1 : 0;
            expected += hours;
            received += h[0];
            valid += h[1];
        }

        NetworkKpi kpi() {
            return new NetworkKpi(id, name, points, online, ratio(online, points), expected, received, valid, ratio(received, expected),
                    ratio(valid, received), ratio(valid, expected));
        }

        private static Double ratio(long a, long b) {
            return b == 0 ? null : Math.round(10000.0 * a / b) / 10000.0;
        }
    }

    static List<NetworkKpi> none() {
        return new ArrayList<>();
    }
}
