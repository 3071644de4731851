package org.envhub.platform.sources.alarms;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.envhub.hj212.CommandCodes;
import org.envhub.hj212.Factor;
import org.envhub.hj212.codes.PollutantCodes;
import org.envhub.platform.sources.Device;
import org.envhub.platform.sources.DeviceDirectory;
import org.envhub.platform.sources.SourceTime;
import org.envhub.platform.sources.gateway.StoredData;
import org.envhub.platform.sources.gateway.StoredDataListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The alarm rules, run on their own thread so they never delay the gateway's answers:
 * <ul>
 * <li>hourly (2061) and daily (2031) averages over the limit in force on their day, on ZsAvg where the limit
 *     says converted values (Avg when the device sends no Zs value; the detail says so);</li>
 * <li>abnormal data flags F M D C B T P on any value;</li>
 * <li>the same real-time (2011) Rtd {@code stuck-count} times in a row for one factor (per point and factor, off by
 *     default for batch analysers and constants: {@link FactorChecks});</li>
 * <li>running values that are zero or negative, outside the instrument's range, or a sudden jump over the previous
 *     value of the same kind ({@link FactorChecks});</li>
 * <li>(on a timer) no data from an approved device for {@code missing-intervals} × {@code data-interval}.</li>
 * </ul>
 */
@Component
public class AlarmEngine implements StoredDataListener {

    private static final Logger log = LoggerFactory.getLogger(AlarmEngine.class);
    static final Set<String> ABNORMAL_FLAGS = Set.of("F", "M", "D", "C", "B", "T", "P");

    private final AlarmBook book;
    private final EmissionLimits limits;
    private final DeviceDirectory devices;
    private final AlarmSettings settings;
    private final JdbcClient jdbc;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "hj212-alarms"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hj212-missing-data"));
    /** Per device and factor: the last real-time value and how many times in a row it came. */
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();

    /** Per device, factor and data kind: the last running value and its DataTime (UTC), for the jump check. */
    private final Map<String, Previous> previous = new ConcurrentHashMap<>();
    private final FactorChecks checks;

    private record Run(double value, int count) {}

    private record Previous(double value, LocalDateTime dataTime) {}

    /** The data kinds whose values are checked: real-time, minute, hourly and daily data. */
    static final Set<String> VALUE_KINDS = Set.of(CommandCodes.REAL_TIME_DATA, CommandCodes.MINUTE_DATA, CommandCodes.HOUR_DATA,
            CommandCodes.DAY_DATA);

    public AlarmEngine(AlarmBook book, EmissionLimits limits, FactorChecks checks, DeviceDirectory devices, AlarmSettings settings,
                       JdbcClient jdbc) {
        this.book = book;
        this.checks = checks;
        this.limits = limits;
        this.devices = devices;
        this.settings = settings;
        this.jdbc = jdbc;
        long every = settings.checkEvery().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                checkMissing(SourceTime.nowUtc());
            } catch (RuntimeException e) {
                log.warn("missing-data check failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stored(List<StoredData> data) {
        pending.incrementAndGet();
        worker.execute(() -> {
            try {
                evaluate(data);
            } catch (RuntimeException e) {
                log.warn("alarm rules failed on {} data packets: {}", data.size(), e.toString());
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Waits until the data handed over so far has been evaluated (tests, shutdown). */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (pending.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return pending.get() == 0;
    }

    void evaluate(List<StoredData> data) {
        Map<String, Device> known = devices.find(data.stream().map(StoredData::mn).distinct().toList());
        for (StoredData d : data) {
            Device device = known.get(d.mn());
            LocalDate day = SourceTime.show(d.dataTime()).toLocalDate();
            boolean valueKind = VALUE_KINDS.contains(d.cn());
            boolean sourceStopped = d.factors().stream().anyMatch(f -> "F".equals(f.flag()));
            for (Factor f : d.factors()) {
                abnormalFlag(d, f);
                if (d.cn().equals(CommandCodes.REAL_TIME_DATA)) {
                    stuck(d, f, device == null ? null : device.pointId());
                }
                if (valueKind) {
                    dataChecks(d, f, device == null ? null : device.pointId(), !sourceStopped && running(f.flag()));
                }
                if (device != null && device.pointId() != null
                        && (d.cn().equals(CommandCodes.HOUR_DATA) || d.cn().equals(CommandCodes.DAY_DATA))) {
                    exceedance(d, f, device.pointId(), day);
                }
            }
        }
    }

    /**
     * A value "while running" (运行中): its flag says normal (N), or there is none (2005 loggers often send none:
     * they assert nothing abnormal), and no factor of the packet says the source stopped (F).
     */
    static boolean running(String flag) {
        return flag == null || flag.isEmpty() || flag.equals("N");
    }

    /**
     * The checks of a running value (Rtd of real-time data, Avg of minute, hour and day data) against the
     * point's settings for the factor: zero or negative, outside the instrument's range, a sudden jump over the
     * previous running value of the same device, factor and data kind. A value that fails the first two is not
     * taken as the previous value of the next one; a value that is not running forgets the previous one (a
     * source starting up may well jump).
     */
    private void dataChecks(StoredData d, Factor f, Long pointId, boolean running) {
        String key = d.mn() + " " + f.code() + " " + d.cn();
        Double v = d.cn().equals(CommandCodes.REAL_TIME_DATA) ? number(f.rtd(), f.avg()) : number(f.avg(), f.rtd());
        if (v == null) {
            return;
        }
        if (!running) {
            previous.remove(key);
            return;
        }
        FactorCheck check = checks.of(pointId, f.code());
        String kind = kindName(d.cn());
        if (check.zeroCheck() && v <= 0) {
            book.raise(d.mn(), f.code(), AlarmKind.ZERO_OR_NEGATIVE, d.dataTime(), v, null,
                    "运行中" + factorName(f.code()) + "的" + kind + "值为" + (v == 0 ? "零" : "负值 " + v) + "（数据标记 "
                            + (f.flag() == null ? "无" : f.flag()) + "）");
            return;
        }
        if (check.outOfRange(v)) {
            book.raise(d.mn(), f.code(), AlarmKind.OUT_OF_RANGE, d.dataTime(), v, v < bound(check.rangeLow()) ? check.rangeLow() : check.rangeHigh(),
                    factorName(f.code()) + "的" + kind + "值 " + v + " 超出仪器量程 " + range(check) + "（"
                            + (check.source().equals("point") ? "点位设置" : "默认") + "）");
            return;
        }
        Previous before = previous.get(key);
        if (before != null && d.dataTime().isBefore(before.dataTime())) {
            return; // late data: compared with nothing, and not the newest value either
        }
        previous.put(key, new Previous(v, d.dataTime()));
        if (before != null && d.dataTime().isAfter(before.dataTime()) && check.jump(before.value(), v)) {
            book.raise(d.mn(), f.code(), AlarmKind.SUDDEN_JUMP, d.dataTime(), v, null,
                    factorName(f.code()) + "的" + kind + "值由 " + before.value() + "（" + SourceTime.show(before.dataTime()).toLocalDateTime()
                            + "）突变为 " + v + "（阈值：" + jumpRule(check) + "）");
        }
    }

    private static double bound(Double low) {
        return low == null ? Double.NEGATIVE_INFINITY : low;
    }

    private static String range(FactorCheck c) {
        return (c.rangeLow() == null ? "-∞" : c.rangeLow().toString()) + " ~ " + (c.rangeHigh() == null ? "∞" : c.rangeHigh().toString());
    }

    private static String jumpRule(FactorCheck c) {
        String ratio = c.jumpRatio() == null ? null : c.jumpRatio() + " 倍";
        String step = c.jumpStep() == null ? null : "变化 ≥ " + c.jumpStep();
        return ratio != null && step != null ? ratio + "或" + step : ratio != null ? ratio : step;
    }

    static String kindName(String cn) {
        return switch (cn) {
            case CommandCodes.REAL_TIME_DATA -> "实时";
            case CommandCodes.MINUTE_DATA -> "分钟";
            case CommandCodes.HOUR_DATA -> "小时";
            case CommandCodes.DAY_DATA -> "日";
            default -> cn;
        };
    }

    private void abnormalFlag(StoredData d, Factor f) {
        String flag = f.flag();
        if (flag != null && ABNORMAL_FLAGS.contains(flag)) {
            book.raise(d.mn(), f.code(), AlarmKind.ABNORMAL_FLAG, d.dataTime(), number(f.rtd(), f.avg()), null,
                    factorName(f.code()) + "的" + kindName(d.cn()) + "数据标记为 " + flag + "（" + flagName(flag) + "）");
        }
    }

    private void stuck(StoredData d, Factor f, Long pointId) {
        Double v = number(f.rtd(), null);
        if (v == null) {
            return;
        }
        // Runs are counted whether or not the factor is checked, so a count set for it applies to the run under way.
        String key = d.mn() + " " + f.code();
        Run run = runs.merge(key, new Run(v, 1), (old, now) -> old.value() == now.value() ? new Run(old.value(), old.count() + 1) : now);
        int count = checks.of(pointId, f.code()).stuckCount();
        if (count > 0 && run.count() >= count) {
            book.raise(d.mn(), f.code(), AlarmKind.STUCK_VALUE, d.dataTime(), v, null,
                    factorName(f.code()) + "的实时值连续 " + run.count() + " 次为 " + v);
        }
    }

    private void exceedance(StoredData d, Factor f, long pointId, LocalDate day) {
        limits.inForce(pointId, f.code(), day).ifPresent(limit -> {
            Double zs = number(f.zsAvg(), null);
            Double avg = number(f.avg(), null);
            Double value = limit.onConverted() && zs != null ? zs : avg;
            if (value == null || value <= limit.limit()) {
                return;
            }
            AlarmKind kind = d.cn().equals(CommandCodes.HOUR_DATA) ? AlarmKind.HOURLY_EXCEEDANCE : AlarmKind.DAILY_EXCEEDANCE;
            String which = limit.onConverted() ? (zs != null ? "折算值 ZsAvg" : "实测值 Avg，未上报折算值") : "实测值 Avg";
            book.raise(d.mn(), f.code(), kind, d.dataTime(), value, limit.limit(),
                    factorName(f.code()) + (kind == AlarmKind.HOURLY_EXCEEDANCE ? "小时" : "日") + "均值 " + value + "（" + which + "）超过 "
                            + day + " 执行的排放限值 " + limit.limit());
        });
    }

    /** Approved devices at a monitoring point with no data for missing-intervals × data-interval before {@code now} (UTC). */
    public void checkMissing(LocalDateTime now) {
        LocalDateTime since = now.minus(settings.missingAfter());
        List<Object[]> silent = jdbc.sql("select d.mn, coalesce(max(l.received_at), d.approved_at, d.registered_at) from device d"
                        + " left join latest_value l on l.mn = d.mn where d.status = 'active' and d.point_id is not null"
                        + " group by d.mn, d.approved_at, d.registered_at having coalesce(max(l.received_at), d.approved_at, d.registered_at) < ?")
                .param(since).query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDateTime.class)}).list();
        for (Object[] s : silent) {
            LocalDateTime last = (LocalDateTime) s[1];
            long minutes = Duration.between(last, now).toMinutes();
            book.raise((String) s[0], null, AlarmKind.MISSING_DATA, last, null, null,
                    "已 " + minutes + " 分钟无数据（应每 " + settings.dataInterval().toSeconds() + " 秒上报，连续 "
                            + settings.missingIntervals() + " 个周期无数据即报警）");
        }
    }

    private static Double number(java.math.BigDecimal a, java.math.BigDecimal b) {
        java.math.BigDecimal v = a != null ? a : b;
        if (v == null) {
            return null;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? d : null;
    }

    /** A factor as the alarm text names it: its Chinese name and the code as sent, e.g. 化学需氧量(011). */
    static String factorName(String code) {
        return CODES.lookup(code).map(c -> c.nameZh() + "(" + code + ")").orElse(code);
    }

    private static final PollutantCodes CODES = PollutantCodes.standard();

    static String flagName(String flag) {
        return switch (flag) {
            case "F" -> "停运";
            case "M" -> "维护";
            case "D" -> "故障";
            case "C" -> "校准";
            case "B" -> "通讯异常";
            case "T" -> "超测定上限";
            case "P" -> "电源故障";
            default -> flag;
        };
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        timer.shutdownNow();
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
