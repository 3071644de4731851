package org.envhub.platform.sources.gateway;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.envhub.hj212.CommandCodes;
import org.envhub.hj212.Cp;
import org.envhub.hj212.Deviation;
import org.envhub.hj212.Factor;
import org.envhub.hj212.FactorField;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Replies;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.IncompleteSplitPacket;
import org.envhub.hj212.RawFrame;
import org.envhub.hj212.RejectedFrame;
import org.envhub.platform.sources.Device;
import org.envhub.platform.sources.DeviceDirectory;
import org.envhub.platform.sources.DeviceStatus;
import org.envhub.platform.sources.PollutionSources;
import org.envhub.platform.sources.SourceTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what the gateway receives, then answers: one thread takes arrivals from a queue, commits a batch of
 * them in one transaction (raw frames, data packets, measurements, latest values, auto-registered devices),
 * and only then sends each packet's 9011/9014 answer. A 9014 tells the logger it may forget the data, so
 * an answer for data that a crash could still lose would lose it for good; batching is what makes
 * answering after the commit fast (one commit for many packets). Under light load batches are small, so
 * answers are not delayed waiting for a batch to fill.
 *
 * <p>If a batch fails, its arrivals are stored one by one, so one bad item cannot take the others with it;
 * an arrival that still fails is kept as an {@code error} frame with the database's message.
 */
@Component
public class FrameWriter implements ArrivalSink, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FrameWriter.class);

    /** Numeric fields with their own column, in column order. */
    private static final FactorField[] COLUMNS = {FactorField.RTD, FactorField.MIN, FactorField.AVG, FactorField.MAX,
            FactorField.COU, FactorField.ZS_RTD, FactorField.ZS_MIN, FactorField.ZS_AVG, FactorField.ZS_MAX};

    private static final String INSERT_FRAME = "insert into raw_frame (id, received_at, peer, mn, cn, qn, outcome, reason, detail,"
            + " deviations, truncated, raw) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PACKET = "insert into data_packet (mn, cn, data_time, frame_id) values (?, ?, ?, ?)";
    private static final String INSERT_MEASUREMENT = "insert into measurement (mn, factor, cn, data_time, occurrence, rtd, min_value,"
            + " avg_value, max_value, cou, zs_rtd, zs_min, zs_avg, zs_max, flag, zs_flag, other_fields)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LATEST = "insert into latest_value (cn, data_time, reading, zs_reading, flag, received_at, mn, factor)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_LATEST = "update latest_value set cn = ?, data_time = ?, reading = ?, zs_reading = ?, flag = ?,"
            + " received_at = ? where mn = ? and factor = ?";
    private static final String INSERT_DEVICE = "insert into device (mn, point_id, password, status, registered_at) values (?, null, ?, 'pending', ?)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final DeviceDirectory devices;
    private final GatewayProperties settings;
    private final BlockingQueue<Arrival> queue;
    private final Counters counters = new Counters();

    private volatile boolean running;
    private Thread thread;
    private boolean h2;
    /** The next raw_frame id; only the writer thread touches it. */
    private long nextFrameId;

    public FrameWriter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, TransactionTemplate tx, DeviceDirectory devices,
                       GatewayProperties settings) {
        this.jdbc = jdbc;
        this.named = named;
        this.tx = tx;
        this.devices = devices;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** Started and stopped by the {@link Hj212Gateway}, around the server's life. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** Stopped after the gateway (a lower phase stops later), so nothing arrives once it drains. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).toUpperCase().contains("H2");
        if (h2) {
            // H2 writes committed transactions to its file in the background, up to WRITE_DELAY (0.5 s) later:
            // a process killed in between loses them, and they may have been answered. Write on commit.
            jdbc.execute("SET WRITE_DELAY 0");
        }
        Long max = jdbc.queryForObject("select max(id) from raw_frame", Long.class);
        nextFrameId = max == null ? 1 : max + 1;
        running = true;
        thread = new Thread(this::run, "hj212-writer");
        thread.start();
    }

    /** Stores everything still queued, then ends the writer thread. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("HJ 212 writer: {} arrivals still queued at stop, not stored (not answered either)", queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void accept(Arrival arrival) {
        try {
            // Blocks the event loop when the writer is behind: the devices' TCP windows then fill and they
            // slow down, instead of the server running out of memory.
            queue.put(arrival);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counters since start, for tests, benchmarks and the log. */
    public Counters counters() {
        return counters;
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Arrival> batch = new ArrayList<>(settings.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Arrival first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, settings.batchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                // The writer must outlive anything; what failed stays unanswered, so loggers send it again.
                log.error("HJ 212 writer: unexpected failure, {} arrivals not stored", batch.size(), t);
            }
        }
    }

    private void write(List<Arrival> batch) {
        List<Answer> answers = new ArrayList<>();
        try {
            Stored s = tx.execute(status -> store(batch));
            afterCommit(s, answers);
        } catch (RuntimeException e) {
            counters.batchFailures.increment();
            log.warn("HJ 212 writer: a batch of {} failed ({}); storing them one by one", batch.size(), e.toString());
            for (Arrival a : batch) {
                try {
                    Stored s = tx.execute(status -> store(List.of(a)));
                    afterCommit(s, answers);
                } catch (RuntimeException one) {
                    storeAsError(a, one);
                }
            }
        }
        counters.batches.increment();
        for (Answer a : answers) {
            if (a.channel().isActive()) {
                a.channel().writeAndFlush(a.packet());
                counters.answers.increment();
            }
        }
    }

    private void afterCommit(Stored s, List<Answer> answers) {
        for (Device d : s.registered()) {
            devices.remember(d);
        }
        answers.addAll(s.answers());
        counters.add(s);
    }

    // --- one transaction -------------------------------------------------------------------------------

    private record Answer(io.netty.channel.Channel channel, Hj212Packet packet) {}

    private record DataKey(String mn, String cn, LocalDateTime dataTime) {}

    private record LatestKey(String mn, String factor) {}

    private record Latest(String cn, LocalDateTime dataTime, Double reading, Double zsReading, String flag, LocalDateTime receivedAt) {}

    /** What one transaction stored, applied to caches and counters once it commits. */
    private record Stored(List<Answer> answers, List<Device> registered, Map<Outcome, Integer> frames, int packets) {}

    enum Outcome { ACCEPTED, DUPLICATE, REJECTED, INCOMPLETE, ERROR }

    private Stored store(List<Arrival> batch) {
        List<Object[]> frameRows = new ArrayList<>();
        List<Object[]> packetRows = new ArrayList<>();
        List<Object[]> measurementRows = new ArrayList<>();
        Map<LatestKey, Latest> latest = new HashMap<>();
        List<Answer> answers = new ArrayList<>();
        List<Device> registered = new ArrayList<>();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

        // Devices and already stored data of this batch, each in one query.
        Set<String> mns = new HashSet<>();
        Map<InboundPacket, DataKey> keys = new HashMap<>();
        for (Arrival a : batch) {
            if (a.inbound() instanceof InboundPacket p) {
                String mn = Columns.clean(p.packet().mn(), 64);
                mns.add(mn);
                if (CommandCodes.kind(p.packet().cn()) == CommandCodes.Kind.UPLOAD) {
                    LocalDateTime dt = dataTime(p.packet());
                    keys.put(p, new DataKey(mn, Columns.clean(p.packet().cn(), 8), dt == null ? a.receivedAt() : SourceTime.dataTimeToUtc(dt)));
                }
            }
        }
        Map<String, Device> known = new HashMap<>(devices.find(mns));
        Set<DataKey> stored = existing(keys.values());

        for (Arrival a : batch) {
            switch (a.inbound()) {
                case RejectedFrame r -> {
                    String text = r.latin1();
                    frameRows.add(frameRow(a, r.bytes(), headerValue(text, "MN=", 64), headerValue(text, "CN=", 8),
                            headerValue(text, "QN=", 20), Outcome.REJECTED, r.reason().name(), r.detail(), r.deviations(), r.truncated()));
                    outcomes.merge(Outcome.REJECTED, 1, Integer::sum);
                }
                case IncompleteSplitPacket i -> {
                    // Not taken: the logger gets no answer and sends the packet again, whole this time.
                    String detail = i.reason() + " (pieces " + i.receivedPieces() + " of " + i.pnum() + ")";
                    for (InboundPacket piece : i.received()) {
                        for (RawFrame f : piece.frames()) {
                            frameRows.add(frameRow(a, f.bytes(), piece.packet().mn(), piece.packet().cn(), piece.packet().qn(),
                                    Outcome.INCOMPLETE, "SPLIT_INCOMPLETE", detail, union(piece.deviations(), f.deviations()), false));
                            outcomes.merge(Outcome.INCOMPLETE, 1, Integer::sum);
                        }
                    }
                }
                case InboundPacket p -> {
                    Hj212Packet packet = p.packet();
                    String mn = Columns.clean(packet.mn(), 64);
                    Outcome outcome;
                    String reason = null;
                    String detail = null;
                    Device device = known.get(mn);
                    if (device == null && settings.autoRegister() && PollutionSources.VALID_MN.matcher(packet.mn()).matches()) {
                        device = new Device(mn, null, Columns.clean(packet.pw(), 64), DeviceStatus.PENDING);
                        jdbc.update(INSERT_DEVICE, mn, device.password(), a.receivedAt());
                        known.put(mn, device);
                        registered.add(device);
                    }
                    if (device == null) {
                        outcome = Outcome.REJECTED;
                        reason = "UNKNOWN_DEVICE";
                        detail = "MN " + mn + " is not registered";
                    } else if (device.status() == DeviceStatus.DISABLED) {
                        outcome = Outcome.REJECTED;
                        reason = "DEVICE_DISABLED";
                        detail = "device " + mn + " is disabled";
                    } else if (!Objects.equals(device.password(), Columns.clean(packet.pw(), 64))) {
                        outcome = Outcome.REJECTED;
                        reason = "WRONG_PASSWORD";
                        detail = packet.pw() == null ? "no PW sent" : "PW does not match the device's password";
                    } else {
                        DataKey key = keys.get(p);
                        if (key == null) {
                            outcome = Outcome.ACCEPTED; // heartbeats, answers, requests: nothing but the raw frame
                        } else if (!stored.add(key)) {
                            outcome = Outcome.DUPLICATE;
                            detail = "data of " + key.cn() + " at " + Cp.formatTime(SourceTime.show(key.dataTime()).toLocalDateTime()) + " already stored";
                        } else {
                            outcome = Outcome.ACCEPTED;
                            long frameId = nextFrameId; // the first frame's row, added just below
                            packetRows.add(new Object[] {key.mn(), key.cn(), key.dataTime(), frameId});
                            addMeasurements(key, packet, a.receivedAt(), measurementRows, latest);
                        }
                        if (outcome == Outcome.ACCEPTED || outcome == Outcome.DUPLICATE) {
                            Hj212Replies.answerFor(packet).ifPresent(answer -> answers.add(new Answer(a.channel(), answer)));
                        }
                    }
                    for (RawFrame f : p.frames()) {
                        frameRows.add(frameRow(a, f.bytes(), mn, packet.cn(), packet.qn(), outcome, reason, detail,
                                union(p.deviations(), f.deviations()), false));
                        outcomes.merge(outcome, 1, Integer::sum);
                    }
                }
            }
        }
        jdbc.batchUpdate(INSERT_FRAME, frameRows);
        if (!packetRows.isEmpty()) {
            jdbc.batchUpdate(INSERT_PACKET, packetRows);
            jdbc.batchUpdate(INSERT_MEASUREMENT, measurementRows);
            storeLatest(latest);
        }
        return new Stored(answers, registered, outcomes, packetRows.size());
    }

    /**
     * DataTime; for alarm events (2072), which carry none, AlarmTime; null when neither is a valid time (the
     * receive time is then used, and such packets are never taken for duplicates of each other).
     */
    static LocalDateTime dataTime(Hj212Packet p) {
        LocalDateTime dt = p.cp().dataTime();
        if (dt == null && p.cp().param("AlarmTime") != null) {
            dt = Cp.parseTime(p.cp().param("AlarmTime"));
        }
        return dt;
    }

    private Object[] frameRow(Arrival a, byte[] raw, String mn, String cn, String qn, Outcome outcome, String reason, String detail,
                              Set<Deviation> deviations, boolean truncated) {
        return new Object[] {nextFrameId++, a.receivedAt(), Columns.clean(a.peer(), 64), Columns.clean(mn, 64), Columns.clean(cn, 8),
                Columns.clean(qn, 20), outcome.name().toLowerCase(), reason, Columns.clean(detail, 500), names(deviations), truncated, raw};
    }

    private static Set<Deviation> union(Set<Deviation> a, Set<Deviation> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<Deviation> u = java.util.EnumSet.noneOf(Deviation.class);
        u.addAll(a);
        u.addAll(b);
        return u;
    }

    private static String names(Set<Deviation> ds) {
        if (ds.isEmpty()) {
            return null;
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (Deviation d : ds) {
            sorted.add(d.name());
        }
        return Columns.clean(String.join(",", sorted), 1000);
    }

    /** MN, CN or QN read from a rejected frame's text, when it has one: so rejects can be traced to a device. */
    static String headerValue(String text, String key, int max) {
        int at = text.indexOf(key);
        while (at > 0 && text.charAt(at - 1) != ';' && text.charAt(at - 1) != '#' && !Character.isDigit(text.charAt(at - 1))) {
            at = text.indexOf(key, at + 1);
        }
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        int end = from;
        while (end < text.length() && end - from <= max && text.charAt(end) != ';' && text.charAt(end) != '&') {
            end++;
        }
        return Columns.clean(text.substring(from, end), max);
    }

    private Set<DataKey> existing(Collection<DataKey> keys) {
        Set<DataKey> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        Set<String> mns = new LinkedHashSet<>();
        Set<LocalDateTime> times = new LinkedHashSet<>();
        for (DataKey k : keys) {
            mns.add(k.mn());
            times.add(k.dataTime());
        }
        named.query("select mn, cn, data_time from data_packet where mn in (:mns) and data_time in (:times)",
                Map.of("mns", mns, "times", times),
                rs -> {
                    found.add(new DataKey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)));
                });
        found.retainAll(new HashSet<>(keys));
        return found;
    }

    private static void addMeasurements(DataKey key, Hj212Packet packet, LocalDateTime receivedAt, List<Object[]> rows,
                                        Map<LatestKey, Latest> latest) {
        Map<String, Integer> occurrences = new HashMap<>();
        for (Factor f : packet.cp().factors()) {
            String code = Columns.clean(f.code(), 32);
            int occurrence = occurrences.merge(code, 1, Integer::sum) - 1;
            Object[] row = new Object[17];
            row[0] = key.mn();
            row[1] = code;
            row[2] = key.cn();
            row[3] = key.dataTime();
            row[4] = occurrence;
            for (int i = 0; i < COLUMNS.length; i++) {
                row[5 + i] = Columns.number(f.decimal(COLUMNS[i]));
            }
            row[14] = Columns.clean(f.flag(), 8);
            row[15] = Columns.clean(f.zsFlag(), 8);
            row[16] = otherFields(f);
            rows.add(row);
            if (occurrence == 0) {
                Latest l = new Latest(key.cn(), key.dataTime(), reading(key.cn(), f, false), reading(key.cn(), f, true),
                        (String) row[14], receivedAt);
                latest.merge(new LatestKey(key.mn(), code), l, (old, now) -> now.dataTime().isBefore(old.dataTime()) ? old : now);
            }
        }
    }

    /** Rtd for real-time data, Avg for minute, hour and day data; else the first value the factor has. */
    private static Double reading(String cn, Factor f, boolean converted) {
        FactorField[] order = converted
                ? (cn.equals(CommandCodes.REAL_TIME_DATA) ? new FactorField[] {FactorField.ZS_RTD, FactorField.ZS_AVG}
                        : new FactorField[] {FactorField.ZS_AVG, FactorField.ZS_RTD})
                : (cn.equals(CommandCodes.REAL_TIME_DATA)
                        ? new FactorField[] {FactorField.RTD, FactorField.AVG, FactorField.COU, FactorField.MAX, FactorField.MIN, FactorField.RS, FactorField.RT}
                        : new FactorField[] {FactorField.AVG, FactorField.RTD, FactorField.COU, FactorField.MAX, FactorField.MIN, FactorField.RS, FactorField.RT});
        for (FactorField field : order) {
            Double d = Columns.number(f.decimal(field));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String otherFields(Factor f) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<FactorField, String> e : f.values().entrySet()) {
            FactorField field = e.getKey();
            if (field != FactorField.FLAG && field != FactorField.ZS_FLAG && !List.of(COLUMNS).contains(field)) {
                b.append(field.key()).append('=').append(e.getValue()).append(';');
            } else if (field.numeric() && f.decimal(field) == null) {
                b.append(field.key()).append('=').append(e.getValue()).append(';'); // not a number: kept as sent
            }
        }
        for (Map.Entry<String, String> e : f.extras().entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append(';');
        }
        return b.isEmpty() ? null : Columns.clean(b.toString(), 1000);
    }

    private void storeLatest(Map<LatestKey, Latest> latest) {
        Set<String> mns = new HashSet<>();
        for (LatestKey k : latest.keySet()) {
            mns.add(k.mn());
        }
        Map<LatestKey, LocalDateTime> now = new HashMap<>();
        named.query("select mn, factor, data_time from latest_value where mn in (:mns)", Map.of("mns", mns),
                rs -> {
                    now.put(new LatestKey(rs.getString(1), rs.getString(2)), rs.getObject(3, LocalDateTime.class));
                });
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<LatestKey, Latest> e : latest.entrySet()) {
            Latest l = e.getValue();
            Object[] row = {l.cn(), l.dataTime(), l.reading(), l.zsReading(), l.flag(), l.receivedAt(), e.getKey().mn(), e.getKey().factor()};
            LocalDateTime old = now.get(e.getKey());
            if (old == null) {
                inserts.add(row);
            } else if (!l.dataTime().isBefore(old)) {
                updates.add(row);
            }
        }
        jdbc.batchUpdate(INSERT_LATEST, inserts);
        jdbc.batchUpdate(UPDATE_LATEST, updates);
    }

    /** The last resort for an arrival that cannot be stored normally: its raw frames with the database's message. */
    private void storeAsError(Arrival a, RuntimeException cause) {
        log.warn("HJ 212 writer: could not store a frame from {}: {}", a.peer(), cause.toString());
        List<byte[]> raws = switch (a.inbound()) {
            case RejectedFrame r -> List.of(r.bytes());
            case InboundPacket p -> p.frames().stream().map(RawFrame::bytes).toList();
            case IncompleteSplitPacket i -> i.received().stream().flatMap(p -> p.frames().stream()).map(RawFrame::bytes).toList();
        };
        try {
            tx.executeWithoutResult(s -> {
                for (byte[] raw : raws) {
                    String text = new String(raw, StandardCharsets.ISO_8859_1);
                    jdbc.update(INSERT_FRAME, frameRow(a, raw, headerValue(text, "MN=", 64), headerValue(text, "CN=", 8),
                            headerValue(text, "QN=", 20), Outcome.ERROR, "STORE_FAILED", cause.toString(), Set.of(), false));
                }
            });
            counters.frames.get(Outcome.ERROR).add(raws.size());
        } catch (RuntimeException e) {
            counters.lost.add(raws.size());
            log.error("HJ 212 writer: lost {} frame(s) from {} (not answered): {}", raws.size(), a.peer(), e.toString());
        }
    }

    /** What the writer has done since start. */
    public static final class Counters {
        final Map<Outcome, LongAdder> frames = new EnumMap<>(Outcome.class);
        final LongAdder packets = new LongAdder();
        final LongAdder answers = new LongAdder();
        final LongAdder batches = new LongAdder();
        final LongAdder batchFailures = new LongAdder();
        final LongAdder lost = new LongAdder();

        Counters() {
            for (Outcome o : Outcome.values()) {
                frames.put(o, new LongAdder());
            }
        }

        void add(Stored s) {
            s.frames().forEach((o, n) -> frames.get(o).add(n));
            packets.add(s.packets());
        }

        /** Raw frames stored with this outcome (accepted, duplicate, rejected, incomplete, error). */
        public long frames(String outcome) {
            return frames.get(Outcome.valueOf(outcome.toUpperCase())).sum();
        }

        public long framesStored() {
            return frames.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** Data packets stored (duplicates not counted). */
        public long packets() { return packets.sum(); }

        public long answers() { return answers.sum(); }

        public long batches() { return batches.sum(); }

        public long batchFailures() { return batchFailures.sum(); }

        /** Frames that could not be stored at all (the database refused even the error row). */
        public long lost() { return lost.sum(); }
    }
}
