package org.envhub.platform.water;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.envhub.hj212.CommandCodes;
import org.envhub.platform.air.AirTime;
import org.envhub.platform.sources.gateway.StoredData;
import org.envhub.platform.sources.gateway.StoredDataListener;
import org.envhub.standards.water.Concentrations;
import org.envhub.standards.water.PhMean;
import org.envhub.standards.water.WaterItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an automatic station's HJ 212 data into its section's samples: one sample a day (Beijing day, at 00:00), the
 * source {@code auto}. For each item ({@link AutoStationItems}):
 * <ul>
 *   <li>the day's daily value (CN 2031, its {@code Avg}) when the station sent one;</li>
 *   <li>otherwise the mean of the day's hourly values (CN 2061, their {@code Avg}), pH through H⁺, when there are at
 *       least {@code min-hourly-values} of them;</li>
 *   <li>only values flagged N (normal) or not flagged count: F, M, S, D, C, T, B and P mark a stopped, serviced,
 *       hand-set, faulty, calibrating, over-range, disconnected or unpowered instrument.</li>
 * </ul>
 * A day is rebuilt from the stored measurements whenever new data of it arrive (the gateway hands every committed
 * packet over, on its own thread), and the months touched are re-evaluated.
 */
@Component
public class AutoStationIntake implements StoredDataListener {

    private static final Logger log = LoggerFactory.getLogger(AutoStationIntake.class);

    private final JdbcClient jdbc;
    private final WaterSectionRepository sections;
    private final WaterSampleStore store;
    private final WaterEvaluations evaluations;
    private final TransactionTemplate tx;
    private final int minHourly;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "water-auto-stations");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong pending = new AtomicLong();
    private volatile Map<String, String> stations;

    public AutoStationIntake(JdbcClient jdbc, WaterSectionRepository sections, WaterSampleStore store, WaterEvaluations evaluations,
                             TransactionTemplate tx, WaterSettings settings) {
        this.jdbc = jdbc;
        this.sections = sections;
        this.store = store;
        this.evaluations = evaluations;
        this.tx = tx;
        this.minHourly = settings.autoStation().minHourlyValues();
    }

    @Override
    public void stored(List<StoredData> data) {
        // On the gateway's writer thread: only hand over, the look-ups happen on our own thread.
        List<StoredData> wanted = data.stream()
                .filter(d -> CommandCodes.HOUR_DATA.equals(d.cn()) || CommandCodes.DAY_DATA.equals(d.cn())).toList();
        if (!wanted.isEmpty()) {
            submit(() -> take(wanted));
        }
    }

    private void take(List<StoredData> data) {
        Map<String, String> known = stations();
        Map<String, Set<LocalDate>> days = new HashMap<>();
        for (StoredData d : data) {
            if (known.containsKey(d.mn())) {
                days.computeIfAbsent(d.mn(), k -> new TreeSet<>()).add(AirTime.toLocal(d.dataTime()).toLocalDate());
            }
        }
        days.forEach(this::rebuild);
    }

    /** The registry changed: forget the cached MNs. */
    public void registryChanged() {
        stations = null;
    }

    /**
     * A section's station changed (or was set): its automatic samples are rebuilt from all the stored data of its
     * station, in the background.
     */
    public void stationChanged(String section, String mn) {
        stations = null;
        submit(() -> {
            Set<YearMonth> months = new TreeSet<>();
            tx.executeWithoutResult(s -> {
                jdbc.sql("select sampled_at from water_sample where section_code = ? and source = 'auto'").param(section)
                        .query(LocalDateTime.class).list().forEach(t -> months.add(YearMonth.from(AirTime.toLocal(t))));
                jdbc.sql("delete from water_sample where section_code = ? and source = 'auto'").param(section).update();
            });
            evaluations.recompute(months);
            if (mn != null) {
                Set<LocalDate> days = new TreeSet<>();
                jdbc.sql("select data_time from data_packet where mn = ? and cn in ('2061', '2031')").param(mn)
                        .query(LocalDateTime.class).list().forEach(t -> days.add(AirTime.toLocal(t).toLocalDate()));
                rebuild(mn, days);
            }
        });
    }

    /** Waits until the data handed over so far has been taken (tests, shutdown). */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (pending.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return pending.get() == 0;
    }

    private void submit(Runnable job) {
        pending.incrementAndGet();
        worker.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("automatic water station data not taken: {}", e.toString());
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private Map<String, String> stations() {
        Map<String, String> s = stations;
        if (s == null) {
            s = sections.stations();
            stations = s;
        }
        return s;
    }

    /** Rebuilds the daily samples of these days of the station's section and re-evaluates their months. */
    void rebuild(String mn, Set<LocalDate> days) {
        String section = sections.stations().get(mn);
        if (section == null || days.isEmpty()) {
            return;
        }
        Set<YearMonth> months = new TreeSet<>();
        tx.executeWithoutResult(s -> {
            for (LocalDate day : days) {
                if (store.replaceAuto(section, day, daily(mn, day))) {
                    months.add(YearMonth.from(day));
                }
            }
        });
        evaluations.recompute(months);
    }

    /** The station's daily values of a Beijing day. */
    Concentrations daily(String mn, LocalDate day) {
        Map<WaterItem, List<Double>> dailyValues = new EnumMap<>(WaterItem.class);
        Map<WaterItem, List<Double>> hourly = new EnumMap<>(WaterItem.class);
        jdbc.sql("""
                        select factor, cn, avg_value, flag from measurement
                        where mn = ? and cn in ('2061', '2031') and data_time >= ? and data_time < ?""")
                .params(mn, AirTime.toUtc(day.atStartOfDay()), AirTime.toUtc(day.plusDays(1).atStartOfDay()))
                .query(rs -> {
                    WaterItem item = AutoStationItems.item(rs.getString(1));
                    double v = rs.getDouble(3);
                    if (item == null || rs.wasNull() || !valid(rs.getString(4)) || !Double.isFinite(v) || v < 0) {
                        return;
                    }
                    (CommandCodes.DAY_DATA.equals(rs.getString(2)) ? dailyValues : hourly).computeIfAbsent(item, k -> new ArrayList<>()).add(v);
                });
        double[] values = new double[WaterItem.count()];
        Arrays.fill(values, Double.NaN);
        for (WaterItem item : WaterItem.values()) {
            List<Double> d = dailyValues.get(item);
            List<Double> h = hourly.get(item);
            if (d != null) {
                values[item.ordinal()] = mean(item, d);
            } else if (h != null && h.size() >= minHourly) {
                values[item.ordinal()] = mean(item, h);
            }
        }
        return Concentrations.ofArray(values);
    }

    private static boolean valid(String flag) {
        return flag == null || flag.isBlank() || flag.trim().equalsIgnoreCase("N");
    }

    private static double mean(WaterItem item, List<Double> v) {
        if (item == WaterItem.PH) {
            return PhMean.of(v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
