package org.envhub.platform.sources.alarms;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.sources.SourceTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The data checks per monitoring point and factor (量程, 零值/负值, 突变): what a point sets, else the defaults.
 *
 * <p>Defaults: the zero check on every factor but those of {@code zero-check-skip} (temperatures and
 * pressures, which can be zero or below); the jump ratio and step of the settings; and the physical range of
 * the few factors that have one whatever the instrument: pH 0–14, oxygen content 0–25 % (analysers of flue
 * gas measure 0–25 %), humidity 0–100 %. Any other instrument range is the point's own, set by the bureau.
 */
@Service
public class FactorChecks {

    /** Ranges no instrument can go beyond, by 2017 code. */
    static final Map<String, double[]> PHYSICAL_RANGES = Map.of(
            "w01001", new double[] {0, 14},   // pH
            "a19001", new double[] {0, 25},   // O2 %, flue-gas analysers' range
            "a01014", new double[] {0, 100},  // flue-gas humidity %
            "a01002", new double[] {0, 100}); // relative humidity %

    private final JdbcClient jdbc;
    private final AlarmSettings settings;
    private final AuditLog audit;
    private final Map<Long, Map<String, FactorCheck>> cache = new ConcurrentHashMap<>();

    public FactorChecks(JdbcClient jdbc, AlarmSettings settings, AuditLog audit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
    }

    /** The checks of a factor (code as sent) at a point (null for a device not yet at a point: the defaults). */
    public FactorCheck of(Long pointId, String factor) {
        String code = EmissionLimits.code2017(factor);
        if (pointId != null) {
            FactorCheck own = configured(pointId).get(code);
            if (own != null) {
                return own;
            }
        }
        return defaults(code);
    }

    public FactorCheck defaults(String code2017) {
        double[] range = PHYSICAL_RANGES.get(code2017);
        return new FactorCheck(code2017, range == null ? null : range[0], range == null ? null : range[1],
                settings.zeroCheck() && !settings.zeroCheckSkip().contains(code2017),
                settings.jumpRatio() == 0 ? null : settings.jumpRatio(), settings.jumpStep(), defaultStuckCount(code2017), "default");
    }

    private int defaultStuckCount(String code2017) {
        return settings.stuckCheckSkip().contains(code2017) ? 0 : settings.stuckCount();
    }

    /**
     * The defaults as a table: the factors with a physical range or without the zero check, then "*" for any
     * other factor.
     */
    public List<FactorCheck> defaultsTable() {
        java.util.TreeSet<String> codes = new java.util.TreeSet<>(PHYSICAL_RANGES.keySet());
        codes.addAll(settings.zeroCheckSkip());
        codes.addAll(settings.stuckCheckSkip());
        List<FactorCheck> out = new java.util.ArrayList<>(codes.stream().map(this::defaults).toList());
        out.add(defaults("*"));
        return out;
    }

    /** The checks a point sets itself, by 2017 code. */
    public Map<String, FactorCheck> configured(long pointId) {
        return cache.computeIfAbsent(pointId, id -> jdbc.sql("select factor, range_low, range_high, zero_check, jump_ratio, jump_step,"
                        + " stuck_count from factor_check where point_id = ? order by factor").param(id)
                .query((rs, i) -> new FactorCheck(rs.getString(1), rs.getObject(2, Double.class), rs.getObject(3, Double.class),
                        rs.getBoolean(4), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
                        rs.getObject(7) == null ? defaultStuckCount(rs.getString(1)) : rs.getInt(7), "point"))
                .list().stream().collect(Collectors.toUnmodifiableMap(FactorCheck::factor, Function.identity())));
    }

    public List<FactorCheck> list(long pointId) {
        return configured(pointId).values().stream().sorted(java.util.Comparator.comparing(FactorCheck::factor)).toList();
    }

    /** Sets (replaces) the checks of a factor at a point. */
    @Transactional
    public FactorCheck set(long pointId, String factor, Double rangeLow, Double rangeHigh, Boolean zeroCheck, Double jumpRatio,
                           Double jumpStep, Integer stuckCount, String byUser) {
        if (factor == null || factor.isBlank()) {
            throw new IllegalArgumentException("factor: a pollutant code such as a21026");
        }
        String code = EmissionLimits.code2017(factor.trim());
        FactorCheck c = new FactorCheck(code, rangeLow, rangeHigh, zeroCheck == null ? defaults(code).zeroCheck() : zeroCheck,
                jumpRatio, jumpStep, stuckCount == null ? defaultStuckCount(code) : stuckCount, "point");
        jdbc.sql("delete from factor_check where point_id = ? and factor = ?").params(pointId, code).update();
        jdbc.sql("insert into factor_check (point_id, factor, range_low, range_high, zero_check, jump_ratio, jump_step, stuck_count,"
                        + " set_by, set_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(pointId, code, c.rangeLow(), c.rangeHigh(), c.zeroCheck(), c.jumpRatio(), c.jumpStep(), stuckCount, byUser,
                        SourceTime.nowUtc())
                .update();
        audit.record("sources.check.set", "point " + pointId + " " + code, "range " + c.rangeLow() + ".." + c.rangeHigh() + ", zero check "
                + c.zeroCheck() + ", jump ratio " + c.jumpRatio() + ", jump step " + c.jumpStep() + ", stuck count " + c.stuckCount());
        forgetAfterCommit(pointId);
        return c;
    }

    /** Back to the defaults for a factor at a point; false when the point set nothing for it. */
    @Transactional
    public boolean remove(long pointId, String factor) {
        String code = EmissionLimits.code2017(factor.trim());
        int n = jdbc.sql("delete from factor_check where point_id = ? and factor = ?").params(pointId, code).update();
        forgetAfterCommit(pointId);
        if (n > 0) {
            audit.record("sources.check.remove", "point " + pointId + " " + code, null);
        }
        return n > 0;
    }

    /** Dropped now and again once committed, so the rules never keep a value read before the commit. */
    private void forgetAfterCommit(long pointId) {
        cache.remove(pointId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(pointId);
                }
            });
        }
    }
}
