package org.envhub.platform.sources.alarms;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.sources.SourceScope;
import org.envhub.platform.sources.SourceTime;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alarm ledger (报警台账): raising alarms, and their handling open → acknowledged (已确认) → verified as a
 * true or false alarm (核实) → closed (办结), each step with who and when, audited.
 */
@Service
public class AlarmBook {

    private static final String COLUMNS = "id, mn, factor, kind, first_data_time, last_data_time, occurrences, reading, limit_value, detail,"
            + " status, opened_at, acknowledged_by, acknowledged_at, verified_by, verified_at, verified_true, closed_by, closed_at, note";

    /** COLUMNS of the table aliased {@code s}. */
    private static final String ALIASED_COLUMNS = java.util.Arrays.stream(COLUMNS.split(","))
            .map(c -> "s." + c.trim()).collect(java.util.stream.Collectors.joining(", "));
    private static final org.envhub.hj212.codes.PollutantCodes CODES = org.envhub.hj212.codes.PollutantCodes.standard();

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditLog audit;

    public AlarmBook(JdbcClient jdbc, NamedParameterJdbcTemplate named, AuditLog audit) {
        this.jdbc = jdbc;
        this.named = named;
        this.audit = audit;
    }

    /**
     * Opens an alarm, or counts a repeat on the one still open (or acknowledged) for the same device, factor
     * and kind, so a lasting problem is one alarm, not thousands.
     */
    @Transactional
    public void raise(String mn, String factor, AlarmKind kind, LocalDateTime dataTime, Double reading, Double limit, String detail) {
        String d = detail.length() > 500 ? detail.substring(0, 500) : detail;
        int n = jdbc.sql("update source_alarm set occurrences = occurrences + 1, reading = ?, limit_value = ?, detail = ?,"
                        + " last_data_time = case when last_data_time < ? then ? else last_data_time end"
                        + " where mn = ? and coalesce(factor, '') = ? and kind = ? and status in ('open', 'acknowledged')")
                .params(reading, limit, d, dataTime, dataTime, mn, factor == null ? "" : factor, kind.name()).update();
        if (n == 0) {
            jdbc.sql("insert into source_alarm (mn, factor, kind, first_data_time, last_data_time, occurrences, reading, limit_value, detail,"
                            + " status, opened_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?, 'open', ?)")
                    .params(mn, factor, kind.name(), dataTime, dataTime, reading, limit, d, SourceTime.nowUtc()).update();
        }
    }

    /**
     * Which alarms to list: each field optional. {@code from}/{@code to} (UTC) bound the time the alarm was opened.
     */
    public record Filter(String status, String kind, String mn, Long enterpriseId, Long districtId, LocalDateTime from, LocalDateTime to) {

        public static Filter of(String status, String mn) {
            return new Filter(status, null, mn, null, null, null, null);
        }
    }

    /** Alarms of the devices the scope sees, newest first; status and mn optional. */
    public List<Alarm> list(SourceScope scope, String status, String mn, int limit) {
        return list(scope, Filter.of(status, mn), limit);
    }

    /** Alarms of the devices the scope sees, newest first, at most {@code limit}. */
    public List<Alarm> list(SourceScope scope, Filter f, int limit) {
        Map<String, Object> params = scope.newParams();
        StringBuilder sql = new StringBuilder("select " + ALIASED_COLUMNS + ", e.id, e.name, mp.name, a.name from source_alarm s left join device d on d.mn = s.mn"
                + " left join monitoring_point mp on mp.id = d.point_id left join outlet o on o.id = mp.outlet_id"
                + " left join enterprise e on e.id = o.enterprise_id left join area a on a.id = e.district_id where ")
                .append(scope.mnCondition("s.mn", params));
        if (f.status() != null && !f.status().isBlank()) {
            String st = f.status().trim().toLowerCase();
            if (st.equals("unclosed")) {
                sql.append(" and s.status <> 'closed'");
            } else {
                if (!java.util.Set.of("open", "acknowledged", "verified", "closed").contains(st)) {
                    throw new IllegalArgumentException("status: open, acknowledged, verified, closed or unclosed, got '" + f.status().trim() + "'");
                }
                sql.append(" and s.status = :status");
                params.put("status", st);
            }
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            try {
                params.put("kind", AlarmKind.valueOf(f.kind().trim().toUpperCase()).name());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind: one of " + java.util.Arrays.toString(AlarmKind.values()) + ", got '" + f.kind().trim() + "'");
            }
            sql.append(" and s.kind = :kind");
        }
        if (f.mn() != null && !f.mn().isBlank()) {
            sql.append(" and s.mn = :mn");
            params.put("mn", f.mn().trim());
        }
        if (f.enterpriseId() != null) {
            sql.append(" and e.id = :enterprise");
            params.put("enterprise", f.enterpriseId());
        }
        if (f.districtId() != null) {
            sql.append(" and e.district_id = :district");
            params.put("district", f.districtId());
        }
        if (f.from() != null) {
            sql.append(" and s.opened_at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and s.opened_at < :to");
            params.put("to", f.to());
        }
        sql.append(" order by s.opened_at desc, s.id desc fetch first ").append(Math.max(1, limit)).append(" rows only");
        List<Alarm> out = new ArrayList<>();
        named.query(sql.toString(), params, rs -> {
            if (out.size() < limit) {
                String factor = rs.getString(3);
                out.add(new Alarm(rs.getLong(1), rs.getString(2), factor, rs.getString(4), show(rs.getObject(5, LocalDateTime.class)),
                        show(rs.getObject(6, LocalDateTime.class)), rs.getInt(7), rs.getObject(8, Double.class), rs.getObject(9, Double.class),
                        rs.getString(10), rs.getString(11), show(rs.getObject(12, LocalDateTime.class)), rs.getString(13),
                        show(rs.getObject(14, LocalDateTime.class)), rs.getString(15), show(rs.getObject(16, LocalDateTime.class)),
                        rs.getObject(17, Boolean.class), rs.getString(18), show(rs.getObject(19, LocalDateTime.class)), rs.getString(20),
                        factor == null ? null : CODES.lookup(factor).map(c -> c.nameZh()).filter(n -> !n.isEmpty()).orElse(null),
                        rs.getObject(21, Long.class), rs.getString(22), rs.getString(23), rs.getString(24)));
            }
        });
        return out;
    }

    @Transactional
    public void acknowledge(SourceScope scope, long id, String user) {
        step(scope, id, "open", "update source_alarm set status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ? where id = ?",
                user, SourceTime.nowUtc(), id);
        audit.record("alarm.acknowledge", "alarm " + id, null);
    }

    /** Verified (核实): a true alarm (the source really exceeded or failed), or a false one (instrument, test…). */
    @Transactional
    public void verify(SourceScope scope, long id, boolean trueAlarm, String note, String user) {
        step(scope, id, "acknowledged", "update source_alarm set status = 'verified', verified_by = ?, verified_at = ?, verified_true = ?,"
                + " note = ? where id = ?", user, SourceTime.nowUtc(), trueAlarm, clip(note), id);
        audit.record("alarm.verify", "alarm " + id, trueAlarm ? "true alarm" : "false alarm");
    }

    @Transactional
    public void close(SourceScope scope, long id, String note, String user) {
        step(scope, id, "verified", "update source_alarm set status = 'closed', closed_by = ?, closed_at = ?,"
                + " note = coalesce(?, note) where id = ?", user, SourceTime.nowUtc(), clip(note), id);
        audit.record("alarm.close", "alarm " + id, null);
    }

    private void step(SourceScope scope, long id, String from, String update, Object... params) {
        Map<String, Object> p = scope.newParams();
        p.put("id", id);
        List<Object[]> found = named.query("select status, case when " + scope.mnCondition("mn", p) + " then 1 else 0 end from source_alarm where id = :id",
                p, (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)});
        if (found.isEmpty()) {
            throw new NoSuchElementException("no alarm " + id);
        }
        if (((Integer) found.get(0)[1]) != 1) {
            throw new AccessDeniedException("alarm " + id + " is not one of your devices'");
        }
        String status = (String) found.get(0)[0];
        if (!status.equals(from)) {
            throw new IllegalArgumentException("alarm " + id + " is " + status + "; this step needs it " + from
                    + " (open → acknowledged → verified → closed)");
        }
        jdbc.sql(update).params(params).update();
    }

    private static String clip(String note) {
        return note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note;
    }

    private static java.time.OffsetDateTime show(LocalDateTime utc) {
        return SourceTime.show(utc);
    }
}
