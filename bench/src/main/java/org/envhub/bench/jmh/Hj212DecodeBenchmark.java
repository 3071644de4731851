package org.envhub.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.envhub.hj212.Hj212Check;
import org.envhub.hj212.Hj212Inbound;
import org.envhub.hj212.Hj212Parser;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.RawFrame;
import org.envhub.hj212.RejectedFrame;
import org.envhub.hj212.netty.Hj212ChannelInitializer;
import org.envhub.hj212.netty.Hj212FrameDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * HJ 212 decoding on one core, over the real traffic ({@code data/hj212-traffic/*.h212.gz}, 18,092 lines of
 * which 18,082 are intact frames, decompressed once): scores are frames per second.
 *
 * <ul>
 *   <li>{@code checkValue}: the check value of every intact frame (the rulebook's, as the framer verifies it);</li>
 *   <li>{@code framing}: the framer over the whole capture in one buffer: frame starts, lengths, check values,
 *       the copy of each frame out of the buffer;</li>
 *   <li>{@code parse}: the full parse of every intact frame into the typed model (header, CP, factors,
 *       deviations), the frames cut beforehand (4.6 MB of them: each is read from memory, not the cache);</li>
 *   <li>{@code framingAndParse}: both, as the codec does;</li>
 *   <li>{@code pipeline}: the server's Netty pipeline (framer, parser, stats, split-packet aggregator) in an
 *       {@link EmbeddedChannel}, one buffer per frame as a TCP read from a logger brings it.</li>
 * </ul>
 *
 * Run from the repository root: {@code java -jar bench/target/benchmarks.jar Hj212Decode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Hj212DecodeBenchmark {

    /** Lines of the capture (each a frame or a corrupted one). */
    static final int LINES = 18_092;
    /** Frames whose length and check hold. */
    static final int FRAMES = 18_082;

    byte[] traffic;
    byte[][] lines;      // each line with its CR LF, as a logger sends it
    RawFrame[] frames;
    byte[][] frameBytes;
    final Hj212Parser parser = new Hj212Parser();
    EmbeddedChannel channel;
    final Counter counter = new Counter();

    /** A framer whose decode step the benchmark calls directly (no channel). */
    static final class Framer extends Hj212FrameDecoder {
        void next(ByteBuf in, List<Object> out) {
            decode(null, in, out);
        }
    }

    @ChannelHandler.Sharable
    static final class Counter extends ChannelInboundHandlerAdapter {
        long packets;
        long rejected;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof InboundPacket) {
                packets++;
            } else {
                rejected++;
            }
        }
    }

    @Setup
    public void setUp() throws IOException {
        traffic = readTraffic();
        List<byte[]> ls = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < traffic.length; i++) {
            if (traffic[i] == '\r' && traffic[i + 1] == '\n') {
                ls.add(java.util.Arrays.copyOfRange(traffic, start, i + 2));
                start = i + 2;
                i++;
            }
        }
        lines = ls.toArray(byte[][]::new);
        List<Object> out = cut(new Framer(), traffic);
        List<RawFrame> fs = new ArrayList<>();
        for (Object o : out) {
            if (o instanceof RawFrame f) {
                fs.add(f);
            }
        }
        frames = fs.toArray(RawFrame[]::new);
        frameBytes = fs.stream().map(RawFrame::bytes).toArray(byte[][]::new);
        if (lines.length != LINES || out.size() != LINES || frames.length != FRAMES) {
            throw new IllegalStateException("expected the shipped capture (" + LINES + " lines, " + FRAMES + " intact frames), got "
                    + lines.length + " lines, " + out.size() + " cut, " + frames.length + " intact");
        }
        channel = new EmbeddedChannel(Hj212ChannelInitializer.builder(() -> counter).build());
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
        if (counter.packets + counter.rejected == 0) {
            return;
        }
        long per = counter.packets + counter.rejected;
        if (counter.rejected * LINES != (LINES - FRAMES) * per) {
            throw new IllegalStateException("pipeline: " + counter.packets + " packets, " + counter.rejected + " rejected");
        }
    }

    static byte[] readTraffic() throws IOException {
        Path dir = Path.of(System.getProperty("envhub.traffic", "data/hj212-traffic"));
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir.toAbsolutePath() + " not found: run from the repository root or set -Denvhub.traffic=<dir>");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".h212.gz")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    in.transferTo(all);
                }
            }
        }
        return all.toByteArray();
    }

    static List<Object> cut(Framer framer, byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        List<Object> out = new ArrayList<>(LINES);
        while (in.isReadable()) {
            int before = in.readerIndex();
            int n = out.size();
            framer.next(in, out);
            if (out.size() == n && in.readerIndex() == before) {
                break;
            }
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int checkValue() {
        int valid = 0;
        for (byte[] f : frameBytes) {
            int len = f.length - RawFrame.HEADER_BYTES - RawFrame.CHECK_BYTES;
            if (Hj212Check.verify(f, RawFrame.HEADER_BYTES, len, RawFrame.HEADER_BYTES + len).valid()) {
                valid++;
            }
        }
        return valid;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public List<Object> framing() {
        return cut(new Framer(), traffic);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void parse(Blackhole bh) {
        for (RawFrame f : frames) {
            bh.consume(parser.parse(f));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void framingAndParse(Blackhole bh) {
        // each frame parsed as soon as it is cut, while its bytes are in the cache, as the pipeline does
        Framer framer = new Framer();
        ByteBuf in = Unpooled.wrappedBuffer(traffic);
        List<Object> out = new ArrayList<>(1);
        while (in.isReadable()) {
            int before = in.readerIndex();
            framer.next(in, out);
            if (out.isEmpty()) {
                if (in.readerIndex() == before) {
                    break;
                }
                continue;
            }
            Object o = out.get(0);
            out.clear();
            if (o instanceof RawFrame f) {
                bh.consume(parser.parse(f));
            } else {
                bh.consume((RejectedFrame) o);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void pipeline() {
        for (byte[] line : lines) {
            channel.writeInbound(Unpooled.wrappedBuffer(line));
        }
    }

    /**
     * For a quick look without JMH: frames per CPU-second of each step, single-threaded. The thread's CPU time
     * is used, not the wall clock, so a busy machine disturbs the figures less. {@code [rounds]}
     */
    public static void main(String[] args) throws Exception {
        Hj212DecodeBenchmark b = new Hj212DecodeBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String[] names = {"checkValue", "framing", "parse", "framingAndParse", "pipeline"};
        int[] ops = {FRAMES, LINES, FRAMES, LINES, LINES};
        double[][] rates = new double[names.length][rounds];
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < names.length; k++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 20; i++) {
                    switch (k) {
                        case 0 -> bh.consume(b.checkValue());
                        case 1 -> bh.consume(b.framing());
                        case 2 -> b.parse(bh);
                        case 3 -> b.framingAndParse(bh);
                        default -> b.pipeline();
                    }
                }
                rates[k][round] = 20.0 * ops[k] / (cpu.getCurrentThreadCpuTime() - t0) * 1e3;
                line.append(String.format("%s %.2f M/s  ", names[k], rates[k][round]));
            }
            System.out.println(line + "(frames per CPU-second)");
        }
        StringBuilder line = new StringBuilder("median of the last " + (rounds - rounds / 2) + " rounds: ");
        for (int k = 0; k < names.length; k++) {
            double[] r = java.util.Arrays.copyOfRange(rates[k], rounds / 2, rounds); // after warm-up
            java.util.Arrays.sort(r);
            line.append(String.format("%s %.2f M/s  ", names[k], r[r.length / 2]));
        }
        System.out.println(line);
        b.tearDown();
    }
}
