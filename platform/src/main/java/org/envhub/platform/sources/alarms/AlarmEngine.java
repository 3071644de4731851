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
 * <li>the same real-time (2011) Rtd {@code stuck-count} times in a row for one factor;</li>
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
                    stuck(d, f);
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
                    (v == 0 ? "zero" : "negative") + " " + kind + " value " + v + " of " + f.code() + " while running (flag "
                            + (f.flag() == null ? "none" : f.flag()) + ")");
            return;
        }
        if (check.outOfRange(v)) {
            book.raise(d.mn(), f.code(), AlarmKind.OUT_OF_RANGE, d.dataTime(), v, v < bound(check.rangeLow()) ? check.rangeLow() : check.rangeHigh(),
                    kind + " value " + v + " of " + f.code() + " outside the instrument's range " + range(check) + " ("
                            + (check.source().equals("point") ? "set for the point" : "default") + ")");
            return;
        }
        Previous before = previous.get(key);
        if (before != null && d.dataTime().isBefore(before.dataTime())) {
            return; // late data: compared with nothing, and not the newest value either
        }
        previous.put(key, new Previous(v, d.dataTime()));
        if (before != null && d.dataTime().isAfter(before.dataTime()) && check.jump(before.value(), v)) {
            book.raise(d.mn(), f.code(), AlarmKind.SUDDEN_JUMP, d.dataTime(), v, null,
                    kind + " value of " + f.code() + " jumped from " + before.value() + " to " + v + " (at " + SourceTime.show(before.dataTime())
                            .toLocalDateTime() + "; threshold " + jumpRule(check) + ")");
        }
    }

    private static double bound(Double low) {
        return low == null ? Double.NEGATIVE_INFINITY : low;
    }

    private static String range(FactorCheck c) {
        return (c.rangeLow() == null ? "-∞" : c.rangeLow().toString()) + ".." + (c.rangeHigh() == null ? "∞" : c.rangeHigh().toString());
    }

    private static String jumpRule(FactorCheck c) {
        String ratio = c.jumpRatio() == null ? null : "ratio " + c.jumpRatio();
        String step = c.jumpStep() == null ? null : "step " + c.jumpStep();
        return ratio != null && step != null ? ratio + " or " + step : ratio != null ? ratio : step;
    }

    static String kindName(String cn) {
        return switch (cn) {
            case CommandCodes.REAL_TIME_DATA -> "real-time";
            case CommandCodes.MINUTE_DATA -> "minute";
            case CommandCodes.HOUR_DATA -> "hourly";
            case CommandCodes.DAY_DATA -> "daily";
            default -> cn;
        };
    }

    private void abnormalFlag(StoredData d, Factor f) {
        String flag = f.flag();
        if (flag != null && ABNORMAL_FLAGS.contains(flag)) {
            book.raise(d.mn(), f.code(), AlarmKind.ABNORMAL_FLAG, d.dataTime(), number(f.rtd(), f.avg()), null,
                    "data flag " + flag + " (" + flagName(flag) + ") on " + f.code() + " in " + d.cn() + " data");
        }
    }

    private void stuck(StoredData d, Factor f) {
        Double v = number(f.rtd(), null);
        if (v == null) {
            return;
        }
        String key = d.mn() + " " + f.code();
        Run run = runs.merge(key, new Run(v, 1), (old, now) -> old.value() == now.value() ? new Run(old.value(), old.count() + 1) : now);
        if (run.count() >= settings.stuckCount()) {
            book.raise(d.mn(), f.code(), AlarmKind.STUCK_VALUE, d.dataTime(), v, null,
                    f.code() + " sent " + run.count() + " real-time values in a row equal to " + v);
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
            String which = limit.onConverted() ? (zs != null ? "converted (ZsAvg)" : "measured (Avg: no ZsAvg sent)") : "measured (Avg)";
            book.raise(d.mn(), f.code(), kind, d.dataTime(), value, limit.limit(),
                    (kind == AlarmKind.HOURLY_EXCEEDANCE ? "hourly" : "daily") + " average of " + f.code() + ", " + which + ", " + value
                            + " over the limit " + limit.limit() + " in force on " + day);
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
                    "no data for " + minutes + " min (expected every " + settings.dataInterval().toSeconds() + " s; alarm after "
                            + settings.missingIntervals() + " intervals)");
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

    static String flagName(String flag) {
        return switch (flag) {
            case "F" -> "stopped";
            case "M" -> "maintenance";
            case "D" -> "fault";
            case "C" -> "calibration";
            case "B" -> "communication fault";
            case "T" -> "over the upper limit";
            case "P" -> "power cut";
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
