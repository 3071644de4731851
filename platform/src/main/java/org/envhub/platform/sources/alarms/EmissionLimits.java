package org.envhub.platform.sources.alarms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.envhub.hj212.codes.PollutantCodes;
import org.envhub.platform.sources.SourceTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emission limits per monitoring point and factor, with effective dates. A new limit from a day ends the one
 * in force the day before, so history is kept and each value is judged by the limit of its own day.
 * Factors are kept under their HJ 212-2017 code; a 2005 device's short code is matched through the code table.
 */
@Service
public class EmissionLimits {

    private static final PollutantCodes CODES = PollutantCodes.standard();

    private final JdbcClient jdbc;
    private final Map<Long, List<EmissionLimit>> cache = new ConcurrentHashMap<>();

    public EmissionLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 2017 code of a factor as a device sends it (2005 short codes translated); unknown codes as they are. */
    public static String code2017(String code) {
        if (code.length() == 6 && Character.isLetter(code.charAt(0))) {
            return code;
        }
        return CODES.to2017(code).filter(c -> !c.isEmpty()).orElse(code);
    }

    @Transactional
    public void set(long pointId, String factor, double limit, boolean onConverted, LocalDate from, String byUser) {
        if (factor == null || factor.isBlank()) {
            throw new IllegalArgumentException("factor: a pollutant code such as a21026");
        }
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("limit: a positive number, got " + limit);
        }
        if (from == null) {
            throw new IllegalArgumentException("effectiveFrom: the first day the limit is in force (YYYY-MM-DD)");
        }
        String code = code2017(factor.trim());
        // A limit that would start before the new one and run past it ends the day before.
        jdbc.sql("update emission_limit set effective_until = ? where point_id = ? and factor = ? and effective_from < ?"
                        + " and (effective_until is null or effective_until >= ?)")
                .params(from.minusDays(1), pointId, code, from, from).update();
        // One starting the same day or later is replaced.
        jdbc.sql("delete from emission_limit where point_id = ? and factor = ? and effective_from >= ?").params(pointId, code, from).update();
        jdbc.sql("insert into emission_limit (point_id, factor, limit_value, on_converted, effective_from, set_by, set_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(pointId, code, limit, onConverted, from, byUser, SourceTime.nowUtc()).update();
        cache.remove(pointId);
    }

    public List<EmissionLimit> of(long pointId) {
        return cache.computeIfAbsent(pointId, id -> jdbc.sql("select id, point_id, factor, limit_value, on_converted, effective_from, effective_until"
                        + " from emission_limit where point_id = ? order by factor, effective_from").param(id)
                .query((rs, i) -> new EmissionLimit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4), rs.getBoolean(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
                .list());
    }

    /** The limit in force at a point for a factor (code as sent) on a Beijing day. */
    public Optional<EmissionLimit> inForce(long pointId, String factor, LocalDate day) {
        String code = code2017(factor);
        return of(pointId).stream().filter(l -> l.factor().equals(code) && l.inForceOn(day)).findFirst();
    }
}
