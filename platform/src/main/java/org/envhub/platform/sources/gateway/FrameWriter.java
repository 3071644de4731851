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
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what the gateway receives, then answers: writer threads take arrivals from their queues, commit a
 * batch of them in one transaction (raw frames, data packets, measurements, latest values, auto-registered
 * devices), and only then send each packet's 9011/9014 answer. A 9014 tells the logger it may forget the data,
 * so an answer for data that a crash could still lose would lose it for good; batching is what makes
 * answering after the commit fast (one commit for many packets). Under light load batches are small, so
 * answers are not delayed waiting for a batch to fill.
 *
 * <p>Each table gets one statement per batch, its rows passed as arrays ({@link ColumnBatch}), and duplicates
 * are found with one query for the whole batch. With {@code envhub.hj212.writers} above 1, each writer owns
 * the devices whose MN hashes to it: a device's packets are stored and answered in order by one writer, and
 * no two writers ever touch the same data packet, measurement or latest value, so they need no coordination.
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
    private static final String INSERT_DEVICE = "insert into device (mn, point_id, password, status, registered_at) values (?, null, ?, 'pending', ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DeviceDirectory devices;
    private final GatewayProperties settings;
    private final Counters counters = new Counters();
    private final List<StoredDataListener> listeners;

    private volatile boolean running;
    /** How rows are inserted: COPY on PostgreSQL. */
    private volatile BulkInsert bulk = BulkInsert.arrays();
    private Shard[] shards;
    /** The next raw_frame id, shared by the writers (each takes a block for its batch). */
    private final AtomicLong nextFrameId = new AtomicLong();

    public FrameWriter(JdbcTemplate jdbc, TransactionTemplate tx, DeviceDirectory devices,
                       GatewayProperties settings, org.springframework.beans.factory.ObjectProvider<StoredDataListener> listeners) {
        this.listeners = listeners.orderedStream().toList();
        this.jdbc = jdbc;
        this.tx = tx;
        this.devices = devices;
        this.settings = settings;
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
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).toUpperCase();
        boolean postgres = product.contains("POSTGRES");
        if (product.contains("H2")) {
            // H2 writes committed transactions to its file in the background, up to WRITE_DELAY (0.5 s) later:
            // a process killed in between loses them, and they may have been answered. Write on commit.
            jdbc.execute("SET WRITE_DELAY 0");
        }
        bulk = postgres ? BulkInsert.postgresCopy() : BulkInsert.arrays();
        int n = settings.writers() > 0 ? settings.writers() : postgres ? 2 : 1;
        log.info("HJ 212 writer: {} writer thread(s), inserts {}", n, postgres ? "by COPY" : "with arrays");
        Long max = jdbc.queryForObject("select max(id) from raw_frame", Long.class);
        nextFrameId.set(max == null ? 1 : max + 1);
        running = true;
        shards = new Shard[n];
        for (int i = 0; i < n; i++) {
            shards[i] = new Shard(n == 1 ? "hj212-writer" : "hj212-writer-" + (i + 1), Math.max(1, settings.queueCapacity() / n));
        }
        for (Shard shard : shards) {
            shard.thread.start();
        }
    }

    /** Stores everything still queued, then ends the writer threads. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Shard shard : shards) {
            try {
                shard.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (shard.thread.isAlive()) {
                log.warn("HJ 212 writer: {} arrivals still queued at stop, not stored (not answered either)", shard.queue.size());
            }
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
            shardOf(arrival).queue.put(arrival);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The writer of a packet's device (by MN), so that its frames are stored and answered in order; a rejected
     * frame goes by the MN in its text when it has one, else by connection.
     */
    private Shard shardOf(Arrival arrival) {
        Shard[] all = shards;
        if (all.length == 1) {
            return all[0];
        }
        Object key = switch (arrival.inbound()) {
            case InboundPacket p -> Columns.clean(p.packet().mn(), 64);
            case IncompleteSplitPacket i -> Columns.clean(i.mn(), 64);
            case RejectedFrame r -> headerValue(r.latin1(), "MN=", 64);
        };
        if (key == null) {
            key = arrival.channel();
        }
        return all[Math.floorMod(key.hashCode(), all.length)];
    }

    /** Counters since start, for tests, benchmarks and the log. */
    public Counters counters() {
        return counters;
    }

    /** Writer threads running (0 when stopped). */
    public int writers() {
        Shard[] all = shards;
        return running && all != null ? all.length : 0;
    }

    public int queued() {
        int n = 0;
        for (Shard shard : shards) {
            n += shard.queue.size();
        }
        return n;
    }

    /** One writer: its queue and thread. */
    private final class Shard {
        final BlockingQueue<Arrival> queue;
        final Thread thread;
        final NewestPackets newest = new NewestPackets();

        Shard(String name, int capacity) {
            queue = new ArrayBlockingQueue<>(capacity);
            thread = new Thread(this::run, name);
        }

        private void run() {
            List<Arrival> batch = new ArrayList<>(settings.batchSize());
            long nextReport = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            long reportedBatches = 0;
            while (running || !queue.isEmpty()) {
                if (System.nanoTime() > nextReport && thread == shards[0].thread) {
                    nextReport = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                    if (counters.batches() != reportedBatches) {
                        reportedBatches = counters.batches();
                        log.info("HJ 212 writer since start: {}; {} queued", counters, queued());
                    }
                }
                try {
                    Arrival first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.clear();
                    batch.add(first);
                    queue.drainTo(batch, settings.batchSize() - 1);
                    write(batch, newest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable t) {
                    // The writer must outlive anything; what failed stays unanswered, so loggers send it again.
                    log.error("HJ 212 writer: unexpected failure, {} arrivals not stored", batch.size(), t);
                }
            }
        }
    }

    private void write(List<Arrival> batch, NewestPackets newest) {
        long started = System.nanoTime();
        List<Answer> answers = new ArrayList<>();
        List<StoredData> data = new ArrayList<>();
        try {
            Stored s = tx.execute(status -> store(batch, newest));
            afterCommit(s, answers, data);
            for (StoredData d : s.data()) {
                newest.stored(d.mn(), d.cn(), d.dataTime());
            }
        } catch (RuntimeException e) {
            counters.batchFailures.increment();
            log.warn("HJ 212 writer: a batch of {} failed ({}); storing them one by one", batch.size(), e.toString());
            newest.clear(); // in case something else stored packets: the next batches look them up again
            for (Arrival a : batch) {
                try {
                    Stored s = tx.execute(status -> store(List.of(a), null)); // duplicates looked up, whatever is known
                    afterCommit(s, answers, data);
                } catch (RuntimeException one) {
                    storeAsError(a, one);
                }
            }
        }
        counters.batches.increment();
        counters.arrivals.add(batch.size());
        counters.storeNanos.add(System.nanoTime() - started);
        // Listeners (the alarm rules) only take the data onto their own queue, so handing it over before the
        // answers costs the devices nothing, and whoever has an answer knows its data is already on its way
        // to the rules (AlarmEngine.awaitIdle then covers it).
        if (!data.isEmpty()) {
            for (StoredDataListener l : listeners) {
                try {
                    l.stored(data);
                } catch (RuntimeException e) {
                    log.warn("HJ 212 writer: {} failed on stored data: {}", l.getClass().getSimpleName(), e.toString());
                }
            }
        }
        for (Answer a : answers) {
            if (a.channel().isActive()) {
                a.channel().writeAndFlush(a.packet());
                counters.answers.increment();
            }
        }
    }

    private void afterCommit(Stored s, List<Answer> answers, List<StoredData> data) {
        for (Device d : s.registered()) {
            devices.remember(d);
        }
        answers.addAll(s.answers());
        data.addAll(s.data());
        counters.add(s);
    }

    // --- one transaction -------------------------------------------------------------------------------

    private record Answer(io.netty.channel.Channel channel, Hj212Packet packet) {}

    private record DataKey(String mn, String cn, LocalDateTime dataTime) {}

    private record LatestKey(String mn, String factor) {}

    private record Latest(String cn, LocalDateTime dataTime, Double reading, Double zsReading, String flag, LocalDateTime receivedAt) {}

    /** What one transaction stored, applied to caches and counters once it commits. */
    private record Stored(List<Answer> answers, List<Device> registered, Map<Outcome, Integer> frames, int packets, List<StoredData> data) {}

    enum Outcome { ACCEPTED, DUPLICATE, REJECTED, INCOMPLETE, ERROR }

    /** One packet's fate in a batch, decided before anything is written. */
    private static final class Decision {
        final Arrival arrival;
        final InboundPacket packet;
        final String mn;
        Outcome outcome;
        String reason;
        String detail;
        DataKey key;        // data to take, when accepted
        long firstFrameId;

        Decision(Arrival arrival, InboundPacket packet, String mn) {
            this.arrival = arrival;
            this.packet = packet;
            this.mn = mn;
        }
    }

    private static ColumnBatch frames() {
        return ColumnBatch.of("id", "bigint", "received_at", "timestamp", "peer", "varchar", "mn", "varchar", "cn", "varchar", "qn", "varchar",
                "outcome", "varchar", "reason", "varchar", "detail", "varchar", "deviations", "varchar", "truncated", "boolean", "raw", "bytea");
    }

    private static ColumnBatch packetKeys() {
        return ColumnBatch.of("mn", "varchar", "cn", "varchar", "data_time", "timestamp");
    }

    private static ColumnBatch packets() {
        return ColumnBatch.of("mn", "varchar", "cn", "varchar", "data_time", "timestamp", "frame_id", "bigint");
    }

    private static ColumnBatch measurements() {
        return ColumnBatch.of("mn", "varchar", "factor", "varchar", "cn", "varchar", "data_time", "timestamp", "occurrence", "smallint",
                "rtd", "double precision", "min_value", "double precision", "avg_value", "double precision", "max_value", "double precision",
                "cou", "double precision", "zs_rtd", "double precision", "zs_min", "double precision", "zs_avg", "double precision",
                "zs_max", "double precision", "flag", "varchar", "zs_flag", "varchar", "other_fields", "varchar");
    }

    private static ColumnBatch latestValues() {
        return ColumnBatch.of("mn", "varchar", "factor", "varchar", "cn", "varchar", "data_time", "timestamp", "reading", "double precision",
                "zs_reading", "double precision", "flag", "varchar", "received_at", "timestamp");
    }

    /** The keys of a batch already stored: one query for the batch. */
    private static final String STORED_PACKETS = "select k.mn, k.cn, k.data_time from (" + packetKeys().rows("k") + ") k"
            + " where exists (select 1 from data_packet d where d.mn = k.mn and d.cn = k.cn and d.data_time = k.data_time)";
    /** Newer values replace older ones (or equal: a later arrival of the same time); a factor seen for the first time is inserted. */
    private static final String MERGE_LATEST = "merge into latest_value t using (" + latestValues().rows("s") + ") s"
            + " on t.mn = s.mn and t.factor = s.factor"
            + " when matched and t.data_time <= s.data_time then update set cn = s.cn, data_time = s.data_time, reading = s.reading,"
            + " zs_reading = s.zs_reading, flag = s.flag, received_at = s.received_at"
            + " when not matched then insert (mn, factor, cn, data_time, reading, zs_reading, flag, received_at)"
            + " values (s.mn, s.factor, s.cn, s.data_time, s.reading, s.zs_reading, s.flag, s.received_at)";

    /**
     * One transaction for the batch. {@code newest}: the writer's knowledge of the newest packet stored per MN and
     * CN, so that only packets not newer than it are looked up as possible duplicates; null to look up all.
     */
    private Stored store(List<Arrival> batch, NewestPackets newest) {
        ColumnBatch frameRows = frames();
        ColumnBatch measurementRows = measurements();
        Map<LatestKey, Latest> latest = new HashMap<>();
        List<Answer> answers = new ArrayList<>();
        List<Device> registered = new ArrayList<>();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

        // 1. Who sent it, and is it theirs to send: one look-up for the batch's devices.
        Set<String> mns = new HashSet<>();
        for (Arrival a : batch) {
            if (a.inbound() instanceof InboundPacket p) {
                mns.add(Columns.clean(p.packet().mn(), 64));
            }
        }
        Map<String, Device> known = new HashMap<>(devices.find(mns));
        List<Decision> decisions = new ArrayList<>();
        Set<DataKey> inBatch = new HashSet<>();
        for (Arrival a : batch) {
            if (!(a.inbound() instanceof InboundPacket p)) {
                continue;
            }
            Hj212Packet packet = p.packet();
            Decision d = new Decision(a, p, Columns.clean(packet.mn(), 64));
            decisions.add(d);
            Device device = known.get(d.mn);
            if (device == null && settings.autoRegister() && PollutionSources.VALID_MN.matcher(packet.mn()).matches()) {
                device = new Device(d.mn, null, Columns.clean(packet.pw(), 64), DeviceStatus.PENDING);
                jdbc.update(INSERT_DEVICE, d.mn, device.password(), a.receivedAt());
                known.put(d.mn, device);
                registered.add(device);
            }
            if (device == null) {
                d.outcome = Outcome.REJECTED;
                d.reason = "UNKNOWN_DEVICE";
                d.detail = "MN " + d.mn + " is not registered";
            } else if (device.status() == DeviceStatus.DISABLED) {
                d.outcome = Outcome.REJECTED;
                d.reason = "DEVICE_DISABLED";
                d.detail = "device " + d.mn + " is disabled";
            } else if (!Objects.equals(device.password(), Columns.clean(packet.pw(), 64))) {
                d.outcome = Outcome.REJECTED;
                d.reason = "WRONG_PASSWORD";
                d.detail = packet.pw() == null ? "no PW sent" : "PW does not match the device's password";
            } else {
                d.outcome = Outcome.ACCEPTED; // heartbeats, answers, requests: nothing to take but the raw frame
                if (CommandCodes.kind(packet.cn()) == CommandCodes.Kind.UPLOAD) {
                    LocalDateTime dt = dataTime(packet);
                    DataKey key = new DataKey(d.mn, Columns.clean(packet.cn(), 8), dt == null ? a.receivedAt() : SourceTime.dataTimeToUtc(dt));
                    if (inBatch.add(key)) {
                        d.key = key;
                    } else {
                        duplicate(d, key);
                    }
                }
            }
        }

        // 2. Frame ids in arrival order (a block taken for the batch), then the data packets: the keys already
        // stored are found with one query, the others inserted with one statement. No other writer stores this
        // batch's devices, so nothing can come in between.
        int frameCount = 0;
        for (Arrival a : batch) {
            frameCount += frameCount(a);
        }
        long nextId = nextFrameId.getAndAdd(frameCount);
        Map<Arrival, Long> firstIds = new java.util.IdentityHashMap<>();
        for (Arrival a : batch) {
            firstIds.put(a, nextId);
            nextId += frameCount(a);
        }
        List<Decision> candidates = new ArrayList<>();
        for (Decision d : decisions) {
            d.firstFrameId = firstIds.get(d.arrival);
            if (d.key != null) {
                candidates.add(d);
            }
        }
        int taken = 0;
        List<StoredData> data = new ArrayList<>();
        if (!candidates.isEmpty()) {
            Set<DataKey> stored = storedAlready(candidates, newest);
            ColumnBatch packetRows = packets();
            for (Decision d : candidates) {
                if (stored.contains(d.key)) {
                    duplicate(d, d.key);
                    d.key = null;
                } else {
                    taken++;
                    packetRows.add(d.key.mn(), d.key.cn(), d.key.dataTime(), d.firstFrameId);
                    addMeasurements(d.key, d.packet.packet(), d.arrival.receivedAt(), measurementRows, latest);
                    data.add(new StoredData(d.key.mn(), d.key.cn(), d.key.dataTime(), d.arrival.receivedAt(), d.packet.packet().cp().factors()));
                }
            }
            insert("data_packet", packetRows);
        }

        // 3. The raw frames, each with its outcome, in arrival order.
        int next = 0;
        for (Arrival a : batch) {
            long id = firstIds.get(a);
            switch (a.inbound()) {
                case RejectedFrame r -> {
                    String text = r.latin1();
                    frameRows.add(frameRow(id, a, r.bytes(), headerValue(text, "MN=", 64), headerValue(text, "CN=", 8),
                            headerValue(text, "QN=", 20), Outcome.REJECTED, r.reason().name(), r.detail(), r.deviations(), r.truncated()));
                    outcomes.merge(Outcome.REJECTED, 1, Integer::sum);
                }
                case IncompleteSplitPacket i -> {
                    // Not taken: the logger gets no answer and sends the packet again, whole this time.
                    String detail = i.reason() + " (pieces " + i.receivedPieces() + " of " + i.pnum() + ")";
                    for (InboundPacket piece : i.received()) {
                        for (RawFrame f : piece.frames()) {
                            frameRows.add(frameRow(id++, a, f.bytes(), piece.packet().mn(), piece.packet().cn(), piece.packet().qn(),
                                    Outcome.INCOMPLETE, "SPLIT_INCOMPLETE", detail, union(piece.deviations(), f.deviations()), false));
                            outcomes.merge(Outcome.INCOMPLETE, 1, Integer::sum);
                        }
                    }
                }
                case InboundPacket p -> {
                    Decision d = decisions.get(next++);
                    Hj212Packet packet = p.packet();
                    for (RawFrame f : p.frames()) {
                        frameRows.add(frameRow(id++, a, f.bytes(), d.mn, packet.cn(), packet.qn(), d.outcome, d.reason, d.detail,
                                union(p.deviations(), f.deviations()), false));
                        outcomes.merge(d.outcome, 1, Integer::sum);
                    }
                    if (d.outcome == Outcome.ACCEPTED || d.outcome == Outcome.DUPLICATE) {
                        Hj212Replies.answerFor(packet).ifPresent(answer -> answers.add(new Answer(a.channel(), answer)));
                    }
                }
            }
        }
        insert("raw_frame", frameRows);
        if (!measurementRows.isEmpty()) {
            insert("measurement", measurementRows);
            ColumnBatch latestRows = latestValues();
            latest.forEach((k, l) -> latestRows.add(k.mn(), k.factor(), l.cn(), l.dataTime(), l.reading(), l.zsReading(), l.flag(), l.receivedAt()));
            execute(MERGE_LATEST, latestRows);
        }
        return new Stored(answers, registered, outcomes, taken, data);
    }

    /**
     * The candidates' keys already stored. A device sends its packets in DataTime order, so a packet newer than
     * the newest stored for its MN and CN is new and needs no look-up; the writer learns that newest once per MN
     * and CN (one query for the batch), then keeps it up to date. Only the other packets (resent, late, or all
     * of them when {@code newest} is null) are looked up, with one query.
     */
    private Set<DataKey> storedAlready(List<Decision> candidates, NewestPackets newest) {
        if (newest != null) {
            ColumnBatch unknown = ColumnBatch.of("mn", "varchar", "cn", "varchar");
            Set<String> asked = new HashSet<>();
            for (Decision d : candidates) {
                if (!newest.known(d.key.mn(), d.key.cn()) && asked.add(NewestPackets.key(d.key.mn(), d.key.cn()))) {
                    unknown.add(d.key.mn(), d.key.cn());
                }
            }
            if (!unknown.isEmpty()) {
                jdbc.query(con -> {
                    java.sql.PreparedStatement ps = con.prepareStatement("select k.mn, k.cn, (select max(d.data_time) from data_packet d"
                            + " where d.mn = k.mn and d.cn = k.cn) from (" + unknown.rows("k") + ") k");
                    unknown.bind(con, ps, 1);
                    return ps;
                }, (java.sql.ResultSet rs) -> {
                    newest.learn(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class));
                });
            }
        }
        ColumnBatch keys = packetKeys();
        for (Decision d : candidates) {
            if (newest == null || !newest.isNewer(d.key.mn(), d.key.cn(), d.key.dataTime())) {
                keys.add(d.key.mn(), d.key.cn(), d.key.dataTime());
            }
        }
        Set<DataKey> stored = new HashSet<>();
        if (!keys.isEmpty()) {
            jdbc.query(con -> {
                java.sql.PreparedStatement ps = con.prepareStatement(STORED_PACKETS);
                keys.bind(con, ps, 1);
                return ps;
            }, (java.sql.ResultSet rs) -> {
                stored.add(new DataKey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)));
            });
        }
        return stored;
    }

    /** The rows into a table, in one go (nothing to do when there are none). */
    private void insert(String table, ColumnBatch rows) {
        if (!rows.isEmpty()) {
            bulk.insert(jdbc, table, rows);
        }
    }

    /** One statement for all the rows (nothing to do when there are none). */
    private void execute(String sql, ColumnBatch rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(sql);
            rows.bind(con, ps, 1);
            return ps;
        });
    }

    private static void duplicate(Decision d, DataKey key) {
        d.outcome = Outcome.DUPLICATE;
        d.detail = "data of " + key.cn() + " at " + Cp.formatTime(SourceTime.show(key.dataTime()).toLocalDateTime()) + " already stored";
    }

    private static int frameCount(Arrival a) {
        return switch (a.inbound()) {
            case RejectedFrame r -> 1;
            case InboundPacket p -> p.frames().size();
            case IncompleteSplitPacket i -> i.received().stream().mapToInt(p -> p.frames().size()).sum();
        };
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

    private static Object[] frameRow(long id, Arrival a, byte[] raw, String mn, String cn, String qn, Outcome outcome, String reason,
                                     String detail, Set<Deviation> deviations, boolean truncated) {
        return new Object[] {id, a.receivedAt(), Columns.clean(a.peer(), 64), Columns.clean(mn, 64), Columns.clean(cn, 8),
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

    private static void addMeasurements(DataKey key, Hj212Packet packet, LocalDateTime receivedAt, ColumnBatch rows,
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
                    jdbc.update(INSERT_FRAME, frameRow(nextFrameId.getAndIncrement(), a, raw, headerValue(text, "MN=", 64), headerValue(text, "CN=", 8),
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
        final LongAdder arrivals = new LongAdder();
        final LongAdder storeNanos = new LongAdder();

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

        /** Arrivals (packets, rejected frames, incomplete split packets) taken from the queue. */
        public long arrivals() { return arrivals.sum(); }

        /** Time spent storing and committing batches, in nanoseconds. */
        public long storeNanos() { return storeNanos.sum(); }

        /** Mean arrivals (packets, rejected frames) per batch. */
        public double meanBatchSize() {
            long b = batches.sum();
            return b == 0 ? 0 : (double) arrivals.sum() / b;
        }

        /** Mean time to store and commit one batch, in milliseconds. */
        public double meanBatchMillis() {
            long b = batches.sum();
            return b == 0 ? 0 : storeNanos.sum() / 1e6 / b;
        }

        @Override
        public String toString() {
            return String.format("%d frames stored (%d accepted, %d duplicate, %d rejected, %d incomplete, %d error), %d data packets,"
                            + " %d answers, %d batches (mean %.1f arrivals, %.1f ms), %d batch failures, %d lost",
                    framesStored(), frames("accepted"), frames("duplicate"), frames("rejected"), frames("incomplete"), frames("error"),
                    packets(), answers(), batches(), meanBatchSize(), meanBatchMillis(), batchFailures(), lost());
        }

        /** Frames that could not be stored at all (the database refused even the error row). */
        public long lost() { return lost.sum(); }
    }
}
