package org.envhub.platform.sources.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.envhub.hj212.Cp;
import org.envhub.hj212.Factor;
import org.envhub.hj212.FactorField;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Writer;
import org.envhub.hj212.PacketFlag;

/**
 * Simulated data loggers (数采仪): each device keeps one connection, sends real-time data (CN 2011) every
 * interval with the A bit set, and waits for the 9014 answer before its next packet, as real loggers do.
 * Even-numbered devices report flue gas (SO2, NOx, smoke dust, O2, flow), odd ones waste water (COD, NH3-N,
 * pH, flow), with values that wander around realistic means. With faults, a few packets are corrupted in
 * transit, split across TCP writes, sent with a wrong password, or flagged abnormal (M, D); a few carry, flagged
 * normal, a zero or negative first value, a value outside the instrument's range (oxygen 30 %, pH 15) or a
 * first value twenty times the last; and some devices' values get stuck. Each fault is meant to raise its alarm
 * (see docs/hj212-gateway.md).
 * A dropped connection is reopened at once (then every second while that fails), so a restarted server is
 * found again.
 *
 * <p>DataTime advances by max(1 s, interval) per packet from the start, so every packet of a device has its
 * own DataTime even at short intervals (the gateway stores one packet per MN + CN + DataTime).
 *
 * <p>All devices run on the calling thread, with non-blocking sockets and one selector: a gateway is
 * measured on the same machine, so the load must cost it as little CPU as possible (a thread per device
 * cost about 0.1 ms of CPU per frame, as much as the gateway itself). {@link Result#cpuSeconds()} is the
 * CPU time the devices used.
 */
public final class Simulator {

    /** How to simulate. */
    public record Config(String host, int port, int devices, double intervalSeconds, int version, boolean faults,
                         double durationSeconds, String mnPrefix, String password, long seed, int answerTimeoutMillis) {
        public Config {
            if (devices < 1) {
                throw new IllegalArgumentException("--devices: at least 1, got " + devices);
            }
            if (intervalSeconds < 0 || durationSeconds <= 0) {
                throw new IllegalArgumentException("--interval must be >= 0 and --duration > 0");
            }
            if (version != 2005 && version != 2017) {
                throw new IllegalArgumentException("--version: 2005 or 2017, got " + version);
            }
        }
    }

    /** One packet the server answered: its device and QN (the crash test checks each is stored). */
    public record Answered(String mn, String qn, LocalDateTime dataTime) {}

    /**
     * What happened. Latencies are from the last byte sent to the answer's arrival. {@code cpuSeconds}: CPU time
     * of the simulating thread.
     */
    public record Result(long sent, long wantedAnswers, long answered, long unanswered, long corrupted, long split, long wrongPassword,
                         long flagged, long zeroOrNegative, long outOfRange, long jumps, long stuckDevices, long reconnects, double seconds,
                         double p50Millis, double p95Millis,
                         double p99Millis, double maxMillis, double cpuSeconds) {

        public double answersPerSecond() {
            return answered / seconds;
        }

        public String describe() {
            return String.format("sent %d frames in %.1f s (%.0f answered/s): %d wanted an answer, %d answered, %d not answered;%n"
                            + "faults: %d corrupted, %d split, %d wrong password, %d flagged abnormal, %d zero or negative, %d out of range, "
                            + "%d jumps, %d devices with stuck values; %d reconnects;%n"
                            + "answer latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; simulator CPU %.1f s",
                    sent, seconds, answersPerSecond(), wantedAnswers, answered, unanswered, corrupted, split, wrongPassword, flagged, zeroOrNegative,
                    outOfRange, jumps, stuckDevices,
                    reconnects, p50Millis, p95Millis, p99Millis, maxMillis, cpuSeconds);
        }
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String[][] GAS_2017 = {{"a21026", "35", "8"}, {"a21002", "80", "15"}, {"a34013", "8", "2"}, {"a19001", "9.5", "0.8"},
            {"a00000", "52", "5"}};
    private static final String[][] GAS_2005 = {{"02", "35", "8"}, {"03", "80", "15"}, {"01", "8", "2"}, {"S01", "9.5", "0.8"},
            {"B02", "52", "5"}};
    private static final String[][] WATER_2017 = {{"w01018", "42", "6"}, {"w21003", "3.1", "0.6"}, {"w01001", "7.2", "0.2"},
            {"w00000", "5.2", "0.8"}};
    private static final String[][] WATER_2005 = {{"011", "42", "6"}, {"060", "3.1", "0.6"}, {"001", "7.2", "0.2"}, {"B01", "5.2", "0.8"}};

    private static final long CONNECT_TIMEOUT = 5_000_000_000L;
    private static final long RECONNECT_PAUSE = 1_000_000_000L;
    private static final long SPLIT_PAUSE = 20_000_000L;
    /** How often answer and connect time-outs are looked for. */
    private static final long SWEEP = 50_000_000L;

    private final Config config;
    private volatile boolean stopped;

    // Everything below belongs to the thread in run().
    private long sent;
    private long wanted;
    private long answered;
    private long corrupted;
    private long split;
    private long wrongPassword;
    private long flagged;
    private long zeroOrNegative;
    private long outOfRange;
    private long jumps;
    private long stuck;
    private long reconnects;
    private long[] latencies = new long[1 << 16];
    private int latencyCount;
    private final List<Answered> answeredLog = new ArrayList<>();
    private Selector selector;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::at));
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private long end;
    private LocalDateTime firstDataTime;

    public Simulator(Config config) {
        this.config = config;
    }

    /** Stops the devices early (they finish the packet in hand). */
    public void stop() {
        stopped = true;
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    /** Runs every device until the duration is over; the answered packets go to {@code answers} if given. */
    public Result run(PrintWriter answers) throws InterruptedException {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        end = start + (long) (config.durationSeconds() * 1e9);
        firstDataTime = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS);
        Device[] devices = new Device[config.devices()];
        try (Selector sel = Selector.open()) {
            selector = sel;
            for (int i = 0; i < devices.length; i++) {
                devices[i] = new Device(i);
                devices[i].connect(start);
            }
            loop(devices);
        } catch (IOException e) {
            throw new IllegalStateException("simulator: " + e.getMessage(), e);
        } finally {
            for (Device d : devices) {
                if (d != null) {
                    d.close();
                }
            }
            selector = null;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answers != null) {
            for (Answered a : answeredLog) {
                answers.println(a.mn() + " " + a.qn() + " " + Cp.formatTime(a.dataTime()));
            }
            answers.flush();
        }
        long[] all = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(all);
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Result(sent, wanted, answered, wanted - answered, corrupted, split, wrongPassword, flagged, zeroOrNegative, outOfRange, jumps,
                stuck, reconnects, seconds,
                percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, cpu);
    }

    private void loop(Device[] devices) throws IOException, InterruptedException {
        long nextSweep = System.nanoTime() + SWEEP;
        while (true) {
            long now = System.nanoTime();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (now >= nextSweep || stopping(now)) {
                nextSweep = now + SWEEP;
                boolean busy = false;
                for (Device d : devices) {
                    d.sweep(now);
                    busy |= d.state != State.DONE;
                }
                if (!busy) {
                    return;
                }
            }
            long wait = nextSweep - now;
            Timer first = timers.peek();
            if (first != null) {
                wait = Math.min(wait, first.at() - now);
            }
            int ready = wait <= 0 ? selector.selectNow() : selector.select(Math.max(1, wait / 1_000_000));
            if (ready > 0) {
                now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Device d = (Device) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isConnectable()) {
                        d.connected(now);
                    } else {
                        if (key.isValid() && key.isWritable()) {
                            d.write(now);
                        }
                        if (key.isValid() && key.isReadable()) {
                            d.read(now);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            now = System.nanoTime();
            for (Timer t; (t = timers.peek()) != null && t.at() <= now; ) {
                timers.poll();
                if (t.device().timer == t) {
                    t.device().timer = null;
                    t.device().wake(now);
                }
            }
        }
    }

    private boolean stopping(long now) {
        return stopped || now >= end;
    }

    /** The MN of simulated device i. */
    public static String mn(String prefix, int i) {
        return prefix + String.format("%06d", i);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private record Timer(long at, Device device) {}

    private enum State { CONNECTING, WRITING, SPLIT_PAUSE, WAITING, IDLE, RECONNECT_PAUSE, DONE }

    /** One logger: its connection and the packet in hand. */
    private final class Device {
        final String mn;
        final SplittableRandom random;
        final boolean gas;
        final String[][] factors;
        final double[] values;
        final double[] means;
        final double[] sds;
        final boolean stuckDevice;
        final long step = Math.max(1, Math.round(config.intervalSeconds()));

        State state;
        SocketChannel channel;
        SelectionKey key;
        Timer timer;
        long deadline;
        boolean connectedBefore;
        long k;
        // Whether the last packet was sent as normal running data, so a jump has a value to jump from.
        boolean lastNormal;
        // the packet in hand
        LocalDateTime dataTime;
        String qn;
        byte[] needle; // "QN=<qn>" as the answer carries it
        ByteBuffer out;
        ByteBuffer rest; // a split packet's second part
        boolean expectAnswer;
        long sentAt;
        // the answer line being read
        final byte[] line = new byte[512];
        int lineLength;
        boolean lineTooLong;

        Device(int index) {
            random = new SplittableRandom(config.seed() * 1_000_003L + index);
            mn = mn(config.mnPrefix(), index);
            gas = index % 2 == 0;
            factors = gas ? (config.version() == 2017 ? GAS_2017 : GAS_2005) : (config.version() == 2017 ? WATER_2017 : WATER_2005);
            values = new double[factors.length];
            means = new double[factors.length];
            sds = new double[factors.length];
            for (int f = 0; f < factors.length; f++) {
                means[f] = Double.parseDouble(factors[f][1]);
                sds[f] = Double.parseDouble(factors[f][2]);
                values[f] = means[f];
            }
            stuckDevice = config.faults() && random.nextDouble() < 0.1;
            if (stuckDevice) {
                stuck++;
            }
        }

        void connect(long now) {
            if (stopping(now)) {
                done();
                return;
            }
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                state = State.CONNECTING;
                deadline = now + CONNECT_TIMEOUT;
                if (channel.connect(new InetSocketAddress(config.host(), config.port()))) {
                    key = channel.register(selector, SelectionKey.OP_READ, this);
                    opened(now);
                } else {
                    key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                }
            } catch (IOException e) {
                retryLater(now);
            }
        }

        void connected(long now) {
            try {
                if (channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_READ);
                    opened(now);
                }
            } catch (IOException e) {
                retryLater(now);
            }
        }

        private void opened(long now) {
            if (connectedBefore) {
                reconnects++;
            }
            connectedBefore = true;
            lineLength = 0;
            lineTooLong = false;
            next(now);
        }

        /** The connection failed or could not be made: try again in a second. */
        private void retryLater(long now) {
            close();
            state = State.RECONNECT_PAUSE;
            schedule(now + RECONNECT_PAUSE);
        }

        /** The connection dropped or the answer never came: start afresh at once. */
        private void reopen(long now) {
            close();
            connect(now);
        }

        /** The next packet, unless the run is over. */
        void next(long now) {
            if (stopping(now)) {
                done();
                return;
            }
            dataTime = firstDataTime.plusSeconds(k * step);
            qn = Cp.formatTime(dataTime) + threeDigits(k % 1000);
            needle = ("QN=" + qn).getBytes(StandardCharsets.US_ASCII);
            k++;
            if (!(stuckDevice && k > 3)) {
                for (int f = 0; f < values.length; f++) {
                    values[f] = Math.max(0, values[f] + 0.3 * (means[f] - values[f]) + sds[f] * 0.5 * random.nextGaussian());
                }
            }
            String pw = config.password();
            // No fault in a device's first packet: with auto-registration it sets the device's password.
            int fault = !config.faults() || k == 1 ? 100 : random.nextInt(100);
            if (fault < 2) {
                pw = pw + "x";
            }
            // A logger in maintenance or with a faulty analyser flags its first factor (M, D).
            String firstFlag = fault >= 8 && fault < 10 ? (fault == 8 ? "M" : "D") : "N";
            if (!firstFlag.equals("N")) {
                flagged++;
            }
            // Values flagged normal that are not (never on a stuck device, whose run they would break): the first
            // factor at zero or below, the oxygen content or pH beyond any instrument's range, the first factor
            // twenty times its last value (only after a normal packet, so there is a value to jump from).
            double[] sentValues = values;
            boolean applied = !stuckDevice && (fault == 10 || fault == 11 || fault == 12 && lastNormal);
            if (applied) {
                sentValues = values.clone();
                if (fault == 10) {
                    sentValues[0] = k % 2 == 0 ? 0 : -0.5;
                    zeroOrNegative++;
                } else if (fault == 11) {
                    sentValues[gas ? 3 : 2] = gas ? 30 : 15; // O2 30 % (analysers measure 0-25 %), pH 15
                    outOfRange++;
                } else {
                    sentValues[0] = values[0] * 20;
                    jumps++;
                }
            }
            lastNormal = fault >= 5 && fault != 8 && fault != 9 && !(applied && (fault == 10 || fault == 12));
            byte[] frame = Hj212Writer.encode(packet(pw, firstFlag, sentValues));
            expectAnswer = true;
            rest = null;
            if (fault < 2) {
                wrongPassword++;
                expectAnswer = false;
            } else if (fault < 5) {
                corrupted++;
                expectAnswer = false;
                int at = 6 + random.nextInt(frame.length - 12);
                byte before = frame[at];
                frame[at] = (byte) (frame[at] == '9' ? '8' : '9'); // a digit changed in transit: the check fails
                if (frame[at] == before) {
                    frame[at] = '0';
                }
            } else if (fault < 8) {
                split++;
                int cut = 1 + random.nextInt(frame.length - 1);
                rest = ByteBuffer.wrap(frame, cut, frame.length - cut);
                frame = Arrays.copyOf(frame, cut);
            }
            out = ByteBuffer.wrap(frame);
            state = State.WRITING;
            write(now);
        }

        void write(long now) {
            try {
                channel.write(out);
            } catch (IOException e) {
                reopen(now);
                return;
            }
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            key.interestOps(SelectionKey.OP_READ);
            if (rest != null) {
                out = rest;
                rest = null;
                state = State.SPLIT_PAUSE;
                schedule(now + SPLIT_PAUSE);
                return;
            }
            sent++;
            sentAt = now;
            if (expectAnswer) {
                wanted++;
                state = State.WAITING;
                deadline = now + config.answerTimeoutMillis() * 1_000_000L;
            } else {
                pause(now);
            }
        }

        void read(long now) {
            int n;
            readBuffer.clear();
            try {
                n = channel.read(readBuffer);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                reopen(now); // closed by the server
                return;
            }
            readBuffer.flip();
            while (readBuffer.hasRemaining()) {
                byte c = readBuffer.get();
                if (c == '\n' && lineLength > 0 && line[lineLength - 1] == '\r') {
                    if (!lineTooLong) {
                        line(now, lineLength - 1);
                    }
                    lineLength = 0;
                    lineTooLong = false;
                } else if (lineLength < line.length) {
                    line[lineLength++] = c;
                } else {
                    lineTooLong = true; // not an answer to us; keep the last byte for the CR LF test
                    line[lineLength - 1] = c;
                }
            }
        }

        /** An answer line; anything but the answer to the packet in hand is skipped (a corrupted frame can pass the check and be answered). */
        private void line(long now, int length) {
            if (state != State.WAITING || !contains(line, length, needle)) {
                return;
            }
            answered++;
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencyCount * 2);
            }
            latencies[latencyCount++] = now - sentAt;
            answeredLog.add(new Answered(mn, qn, dataTime));
            pause(now);
        }

        /** Between packets: the interval, if any. */
        private void pause(long now) {
            long pause = (long) (config.intervalSeconds() * 1e9);
            state = State.IDLE;
            schedule(pause > 0 ? Math.min(now + pause, end) : now);
        }

        /** A timer is due. */
        void wake(long now) {
            switch (state) {
                case IDLE -> next(now);
                case SPLIT_PAUSE -> {
                    state = State.WRITING;
                    write(now);
                }
                case RECONNECT_PAUSE -> connect(now);
                default -> {
                    // a timer of a state left since
                }
            }
        }

        /** Time-outs, and the end of the run for devices with nothing in hand. */
        void sweep(long now) {
            switch (state) {
                case WAITING -> {
                    if (now > deadline) {
                        reopen(now); // no answer in time: start afresh, so a late answer cannot be taken for the next packet's
                    }
                }
                case CONNECTING -> {
                    if (now > deadline) {
                        retryLater(now);
                    } else if (stopping(now)) {
                        done();
                    }
                }
                case IDLE, RECONNECT_PAUSE -> {
                    if (stopping(now)) {
                        done();
                    }
                }
                default -> {
                    // writing, or the pause within a split packet: the packet in hand is finished first
                }
            }
        }

        private void schedule(long at) {
            timer = new Timer(at, this);
            timers.add(timer);
        }

        private void done() {
            close();
            state = State.DONE;
            timer = null;
        }

        void close() {
            if (key != null) {
                key.cancel();
                key = null;
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                channel = null;
            }
        }

        private Hj212Packet packet(String pw, String firstFlag, double[] values) {
            Cp.Builder cp = Cp.builder().dataTime(dataTime);
            for (int f = 0; f < factors.length; f++) {
                Factor.Builder b = Factor.builder(factors[f][0]).rtd(fixed3(values[f])).flag(f == 0 ? firstFlag : "N");
                if (gas && f < 3) {
                    // converted to the reference oxygen content (折算), as flue-gas loggers send
                    b.set(FactorField.ZS_RTD, fixed3(values[f] * 1.12));
                }
                cp.factor(b);
            }
            Hj212Packet.Builder p = Hj212Packet.builder().st(gas ? "31" : "32").cn("2011").pw(pw).mn(mn).qn(qn);
            p.flag(config.version() == 2017 ? PacketFlag.of(PacketFlag.VERSION_2017, false, true) : PacketFlag.of(PacketFlag.VERSION_2005, false, true));
            return p.cp(cp.build()).build();
        }
    }

    /** A non-negative value with three decimals, like {@code %.3f} (without the cost of a Formatter). */
    static String fixed3(double v) {
        long m = Math.round(v * 1000);
        long abs = Math.abs(m);
        return (m < 0 ? "-" : "") + (abs / 1000) + "." + threeDigits(abs % 1000);
    }

    private static String threeDigits(long v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
    }

    private static boolean contains(byte[] b, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
