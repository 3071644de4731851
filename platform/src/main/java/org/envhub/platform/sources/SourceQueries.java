package org.envhub.platform.sources;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.envhub.hj212.codes.PollutantCode;
import org.envhub.hj212.codes.PollutantCodes;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Read-side queries of the sources feature: the frame summary and the latest values. */
@Component
public class SourceQueries {

    private static final PollutantCodes CODES = PollutantCodes.standard();

    private final NamedParameterJdbcTemplate jdbc;

    public SourceQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Frames received in [from, to) (UTC; null for open ends) from the devices the scope sees. */
    public FrameSummary summary(SourceScope scope, LocalDateTime from, LocalDateTime to) {
        Map<String, Object> params = scope.newParams();
        StringBuilder where = new StringBuilder(" where ").append(scope.mnCondition("mn", params));
        if (from != null) {
            where.append(" and received_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and received_at < :to");
            params.put("to", to);
        }
        long[] counts = new long[3]; // accepted, duplicate, other
        Map<String, Long> reasons = new TreeMap<>();
        jdbc.query("select outcome, reason, count(*) from raw_frame" + where + " group by outcome, reason", params, rs -> {
            String outcome = rs.getString(1);
            long n = rs.getLong(3);
            switch (outcome) {
                case "accepted" -> counts[0] += n;
                case "duplicate" -> counts[1] += n;
                default -> {
                    counts[2] += n;
                    String reason = rs.getString(2);
                    reasons.merge(reason == null ? outcome.toUpperCase() : reason, n, Long::sum);
                }
            }
        });
        Map<String, Long> deviations = new TreeMap<>();
        // Few distinct combinations of deviations exist, so grouping by the stored list is cheap.
        jdbc.query("select deviations, count(*) from raw_frame" + where + " and deviations is not null group by deviations", params, rs -> {
            long n = rs.getLong(2);
            for (String name : rs.getString(1).split(",")) {
                deviations.merge(name, n, Long::sum);
            }
        });
        long accepted = counts[0] + counts[1];
        return new FrameSummary(SourceTime.show(from), SourceTime.show(to), accepted + counts[2], accepted, counts[2], counts[1],
                deviations, reasons);
    }

    /** Whether the device exists, and whether the scope sees it. */
    public Optional<Boolean> deviceVisible(SourceScope scope, String mn) {
        Map<String, Object> params = scope.newParams();
        params.put("mn", mn);
        List<Boolean> visible = jdbc.query("select case when " + scope.mnCondition("mn", params) + " then 1 else 0 end from device where mn = :mn",
                params, (rs, i) -> rs.getInt(1) == 1);
        return visible.stream().findFirst();
    }

    public List<LatestFactorValue> latest(String mn) {
        return jdbc.query("select factor, reading, zs_reading, flag, data_time, cn, received_at from latest_value where mn = :mn order by factor",
                Map.of("mn", mn), (rs, i) -> {
                    String factor = rs.getString(1);
                    Optional<PollutantCode> code = CODES.lookup(factor);
                    return new LatestFactorValue(factor, code.map(PollutantCode::nameZh).filter(s -> !s.isEmpty()).orElse(null),
                            code.map(PollutantCode::unit).filter(s -> !s.isEmpty()).orElse(null),
                            (Double) rs.getObject(2, Double.class), rs.getObject(3, Double.class), rs.getString(4),
                            SourceTime.show(rs.getObject(5, LocalDateTime.class)), rs.getString(6),
                            SourceTime.show(rs.getObject(7, LocalDateTime.class)));
                });
    }

    /** Devices the scope sees, by MN; status optional. */
    public List<DeviceView> devices(SourceScope scope, String status) {
        Map<String, Object> params = scope.newParams();
        String sql = "select d.mn, d.status, p.id, p.name, o.name, e.id, e.name, a.name, d.registered_at, d.approved_at, d.approved_by,"
                + " (select max(l.received_at) from latest_value l where l.mn = d.mn)"
                + " from device d left join monitoring_point p on p.id = d.point_id left join outlet o on o.id = p.outlet_id"
                + " left join enterprise e on e.id = o.enterprise_id left join area a on a.id = e.district_id where "
                + scope.mnCondition("d.mn", params);
        if (status != null && !status.isBlank()) {
            sql += " and d.status = :status";
            params.put("status", DeviceStatus.of(status).id());
        }
        return jdbc.query(sql + " order by d.mn", params, (rs, i) -> new DeviceView(rs.getString(1), rs.getString(2),
                rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                SourceTime.show(rs.getObject(9, LocalDateTime.class)), SourceTime.show(rs.getObject(10, LocalDateTime.class)), rs.getString(11),
                SourceTime.show(rs.getObject(12, LocalDateTime.class))));
    }

    /** Raw frames the scope sees, newest first, at most {@code limit}. */
    public List<FrameView> frames(SourceScope scope, String mn, String outcome, LocalDateTime from, LocalDateTime to, int limit) {
        Map<String, Object> params = scope.newParams();
        StringBuilder where = new StringBuilder(" where ").append(scope.mnCondition("mn", params));
        if (mn != null && !mn.isBlank()) {
            where.append(" and mn = :mn");
            params.put("mn", mn.trim());
        }
        if (outcome != null && !outcome.isBlank()) {
            where.append(" and outcome = :outcome");
            params.put("outcome", outcome.trim().toLowerCase());
        }
        if (from != null) {
            where.append(" and received_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and received_at < :to");
            params.put("to", to);
        }
        List<FrameView> out = new java.util.ArrayList<>();
        // limit is an int from 1 to 1000 (the controller clamps it), so it is written into the statement.
        jdbc.query("select id, received_at, peer, mn, cn, qn, outcome, reason, detail, deviations, truncated, raw from raw_frame" + where
                + " order by id desc fetch first " + Math.max(1, limit) + " rows only", params, rs -> {
                    if (out.size() < limit) {
                        out.add(new FrameView(rs.getLong(1), SourceTime.show(rs.getObject(2, LocalDateTime.class)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getBoolean(11), text(rs.getBytes(12))));
                    }
                });
        return out;
    }

    /** A frame with its bytes read again by the codec; empty when there is none the scope sees (404 or 403 told apart). */
    public Optional<FrameDetail> frame(SourceScope scope, long id) {
        Map<String, Object> params = scope.newParams();
        params.put("id", id);
        List<FrameDetail> found = jdbc.query("select id, received_at, peer, mn, cn, qn, outcome, reason, detail, deviations, truncated, raw, case when "
                + scope.mnCondition("mn", params) + " then 1 else 0 end from raw_frame where id = :id", params, (rs, i) -> {
                    byte[] raw = rs.getBytes(12);
                    FrameView v = new FrameView(rs.getLong(1), SourceTime.show(rs.getObject(2, LocalDateTime.class)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11),
                            text(raw));
                    if (rs.getInt(13) != 1) {
                        throw new org.springframework.security.access.AccessDeniedException("frame " + id + " is not from one of your devices");
                    }
                    return new FrameDetail(v, ParsedFrame.of(raw));
                });
        return found.stream().findFirst();
    }

    /** UTF-8 when the bytes are valid UTF-8, else GBK (as the codec reads Chinese text). */
    static String text(byte[] raw) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(raw, java.nio.charset.Charset.forName("GBK"));
        }
    }
}
