package org.envhub.platform.sources.tools;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.envhub.hj212.Cp;
import org.envhub.hj212.Factor;
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
 * A dropped connection is reopened after a second, so a restarted server is found again.
 *
 * <p>DataTime advances by max(1 s, interval) per packet from the start, so every packet of a device has its
 * own DataTime even at short intervals (the gateway stores one packet per MN + CN + DataTime).
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

    /** What happened. Latencies are from the last byte sent to the answer's arrival. */
    public record Result(long sent, long wantedAnswers, long answered, long unanswered, long corrupted, long split, long wrongPassword,
                         long flagged, long zeroOrNegative, long outOfRange, long jumps, long stuckDevices, long reconnects, double seconds,
                         double p50Millis, double p99Millis, double maxMillis) {

        public double answersPerSecond() {
            return answered / seconds;
        }

        public String describe() {
            return String.format("sent %d frames in %.1f s (%.0f answered/s): %d wanted an answer, %d answered, %d not answered;%n"
                            + "faults: %d corrupted, %d split, %d wrong password, %d flagged abnormal, %d zero or negative, %d out of range, "
                            + "%d jumps, %d devices with stuck values; %d reconnects;%n"
                            + "answer latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    sent, seconds, answersPerSecond(), wantedAnswers, answered, unanswered, corrupted, split, wrongPassword, flagged, zeroOrNegative,
                    outOfRange, jumps, stuckDevices, reconnects, p50Millis, p99Millis, maxMillis);
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

    private final Config config;
    private final LongAdder sent = new LongAdder();
    private final LongAdder wanted = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder corrupted = new LongAdder();
    private final LongAdder split = new LongAdder();
    private final LongAdder wrongPassword = new LongAdder();
    private final LongAdder flagged = new LongAdder();
    private final LongAdder zeroOrNegative = new LongAdder();
    private final LongAdder outOfRange = new LongAdder();
    private final LongAdder jumps = new LongAdder();
    private final LongAdder stuck = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final List<long[]> latencies = new ArrayList<>();
    private final List<Answered> answeredLog = new ArrayList<>();
    private volatile boolean stopped;

    public Simulator(Config config) {
        this.config = config;
    }

    /** Stops the devices early (they finish the packet in hand). */
    public void stop() {
        stopped = true;
    }

    /** Runs every device until the duration is over; the answered packets go to {@code answers} if given. */
    public Result run(PrintWriter answers) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (config.durationSeconds() * 1e9);
        LocalDateTime firstDataTime = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < config.devices(); i++) {
                int device = i;
                pool.submit(() -> device(device, firstDataTime, end));
            }
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all;
        synchronized (latencies) {
            all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        }
        if (answers != null) {
            synchronized (answeredLog) {
                for (Answered a : answeredLog) {
                    answers.println(a.mn() + " " + a.qn() + " " + Cp.formatTime(a.dataTime()));
                }
            }
            answers.flush();
        }
        Arrays.sort(all);
        return new Result(sent.sum(), wanted.sum(), answered.sum(), wanted.sum() - answered.sum(), corrupted.sum(), split.sum(),
                wrongPassword.sum(), flagged.sum(), zeroOrNegative.sum(), outOfRange.sum(), jumps.sum(), stuck.sum(), reconnects.sum(), seconds, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
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

    private void device(int index, LocalDateTime firstDataTime, long end) {
        SplittableRandom random = new SplittableRandom(config.seed() * 1_000_003L + index);
        String mn = mn(config.mnPrefix(), index);
        boolean gas = index % 2 == 0;
        String[][] factors = gas ? (config.version() == 2017 ? GAS_2017 : GAS_2005) : (config.version() == 2017 ? WATER_2017 : WATER_2005);
        double[] values = new double[factors.length];
        for (int f = 0; f < factors.length; f++) {
            values[f] = Double.parseDouble(factors[f][1]);
        }
        boolean stuckDevice = config.faults() && random.nextDouble() < 0.1;
        if (stuckDevice) {
            stuck.increment();
        }
        long step = Math.max(1, Math.round(config.intervalSeconds()));
        long[] myLatencies = new long[1024];
        int count = 0;
        long k = 0;
        // Whether the last packet was stored as normal running data, so a jump has a value to jump from.
        boolean lastNormal = false;
        Socket socket = null;
        InputStream in = null;
        boolean connectedBefore = false;
        try {
            while (!stopped && System.nanoTime() < end) {
                if (socket == null || socket.isClosed()) {
                    if (connectedBefore) {
                        reconnects.increment();
                    }
                    socket = connect(end);
                    if (socket == null) {
                        break;
                    }
                    connectedBefore = true;
                    try {
                        in = new BufferedInputStream(socket.getInputStream(), 512);
                    } catch (IOException e) {
                        closeQuietly(socket);
                        socket = null;
                        continue;
                    }
                }
                LocalDateTime dataTime = firstDataTime.plusSeconds(k * step);
                String qn = Cp.formatTime(dataTime) + String.format("%03d", k % 1000);
                k++;
                if (!(stuckDevice && k > 3)) {
                    for (int f = 0; f < values.length; f++) {
                        double mean = Double.parseDouble(factors[f][1]);
                        double sd = Double.parseDouble(factors[f][2]);
                        values[f] = Math.max(0, values[f] + 0.3 * (mean - values[f]) + sd * 0.5 * random.nextGaussian());
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
                    flagged.increment();
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
                        zeroOrNegative.increment();
                    } else if (fault == 11) {
                        sentValues[gas ? 3 : 2] = gas ? 30 : 15; // O2 30 % (analysers measure 0-25 %), pH 15
                        outOfRange.increment();
                    } else {
                        sentValues[0] = values[0] * 20;
                        jumps.increment();
                    }
                }
                lastNormal = fault >= 5 && fault != 8 && fault != 9 && !(applied && (fault == 10 || fault == 12));
                byte[] frame = Hj212Writer.encode(packet(mn, pw, qn, dataTime, factors, sentValues, gas, firstFlag));
                boolean expectAnswer = true;
                try {
                    OutputStream out = socket.getOutputStream();
                    if (fault < 2) {
                        wrongPassword.increment();
                        expectAnswer = false;
                        out.write(frame);
                    } else if (fault < 5) {
                        corrupted.increment();
                        expectAnswer = false;
                        byte[] bad = frame.clone();
                        int at = 6 + random.nextInt(bad.length - 12);
                        bad[at] = (byte) (bad[at] == '9' ? '8' : '9'); // a digit changed in transit: the check fails
                        if (Arrays.equals(bad, frame)) {
                            bad[at] = '0';
                        }
                        out.write(bad);
                    } else if (fault < 8) {
                        split.increment();
                        int cut = 1 + random.nextInt(frame.length - 1);
                        out.write(frame, 0, cut);
                        out.flush();
                        Thread.sleep(20);
                        out.write(frame, cut, frame.length - cut);
                    } else {
                        out.write(frame);
                    }
                    out.flush();
                    sent.increment();
                    long sentAt = System.nanoTime();
                    if (expectAnswer) {
                        wanted.increment();
                        // Skip answers to anything else (a corrupted frame can pass the 1-in-256 check and be answered).
                        String answer = readLine(socket, in, config.answerTimeoutMillis());
                        while (answer != null && !answer.contains("QN=" + qn)) {
                            answer = readLine(socket, in, config.answerTimeoutMillis());
                        }
                        if (answer != null) {
                            answered.increment();
                            if (count == myLatencies.length) {
                                myLatencies = Arrays.copyOf(myLatencies, count * 2);
                            }
                            myLatencies[count++] = System.nanoTime() - sentAt;
                            synchronized (answeredLog) {
                                answeredLog.add(new Answered(mn, qn, dataTime));
                            }
                        } else {
                            // No answer in time: start afresh, so a late answer cannot be taken for the next packet's.
                            socket.close();
                        }
                    }
                } catch (IOException e) {
                    closeQuietly(socket);
                    socket = null;
                }
                long pause = (long) (config.intervalSeconds() * 1000);
                if (pause > 0) {
                    Thread.sleep(Math.min(pause, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
            synchronized (latencies) {
                latencies.add(Arrays.copyOf(myLatencies, count));
            }
        }
    }

    private Hj212Packet packet(String mn, String pw, String qn, LocalDateTime dataTime, String[][] factors, double[] values, boolean gas,
                               String firstFlag) {
        Cp.Builder cp = Cp.builder().dataTime(dataTime);
        for (int f = 0; f < factors.length; f++) {
            Factor.Builder b = Factor.builder(factors[f][0]).rtd(String.format(java.util.Locale.ROOT, "%.3f", values[f])).flag(f == 0 ? firstFlag : "N");
            if (gas && f < 3) {
                // converted to the reference oxygen content (折算), as flue-gas loggers send
                b.set(org.envhub.hj212.FactorField.ZS_RTD, String.format(java.util.Locale.ROOT, "%.3f", values[f] * 1.12));
            }
            cp.factor(b);
        }
        Hj212Packet.Builder p = Hj212Packet.builder().st(gas ? "31" : "32").cn("2011").pw(pw).mn(mn).qn(qn);
        p.flag(config.version() == 2017 ? PacketFlag.of(PacketFlag.VERSION_2017, false, true) : PacketFlag.of(PacketFlag.VERSION_2005, false, true));
        return p.cp(cp.build()).build();
    }

    private Socket connect(long end) throws InterruptedException {
        while (!stopped && System.nanoTime() < end) {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(config.host(), config.port()), 5000);
                return s;
            } catch (IOException e) {
                closeQuietly(s);
                Thread.sleep(1000);
            }
        }
        return null;
    }

    private static String readLine(Socket socket, InputStream in, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        try {
            int prev = -1;
            for (int b; (b = in.read()) >= 0; prev = b) {
                if (prev == '\r' && b == '\n') {
                    return line.toString(StandardCharsets.ISO_8859_1);
                }
                line.write(b);
            }
            throw new IOException("connection closed by the server");
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
