package org.envhub.hj212;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.envhub.hj212.netty.Hj212ChannelInitializer;
import org.envhub.hj212.netty.Hj212FrameDecoder;

/** Shared helpers: the real traffic, a reference check value, a collecting handler, chunked feeding. */
public final class TestSupport {

    /** Surefire runs in the module folder; the traffic is shipped at the repository root. */
    public static final Path TRAFFIC_DIR = Path.of("..", "data", "hj212-traffic");

    private static byte[] traffic;

    private TestSupport() {
    }

    /** All capture files, in name order, concatenated: one frame per CRLF line. */
    public static synchronized byte[] traffic() {
        if (traffic == null) {
            try (Stream<Path> files = Files.list(TRAFFIC_DIR)) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (Path p : files.filter(p -> p.toString().endsWith(".h212.gz")).sorted().toList()) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                        in.transferTo(all);
                    }
                }
                traffic = all.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return traffic;
    }

    /** The lines of a capture (CRLF removed), without the empty remainder after the last CRLF. */
    public static List<byte[]> lines(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i] == '\r' && all[i + 1] == '\n') {
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 2;
                i++;
            }
        }
        if (start < all.length) {
            out.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }

    /** The rulebook's check-value algorithm, written out as the rulebook says (bit by bit, no table). */
    public static int rulebookCheck(byte[] b, int off, int len) {
        int reg = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            reg = (reg >> 8) ^ (b[i] & 0xFF);
            for (int k = 0; k < 8; k++) {
                if ((reg & 1) != 0) {
                    reg = (reg >> 1) ^ 0xA001;
                } else {
                    reg = reg >> 1;
                }
            }
        }
        return reg;
    }

    /** Independent judgement of a line: ## + 4 digits, the right length, and the rulebook check in upper case. */
    public static boolean intact(byte[] line) {
        if (line.length < 10 || line[0] != '#' || line[1] != '#') {
            return false;
        }
        int len = 0;
        for (int i = 2; i < 6; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return false;
            }
            len = len * 10 + line[i] - '0';
        }
        if (line.length != len + 10) {
            return false;
        }
        String sent = new String(line, len + 6, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return sent.equals(String.format("%04X", rulebookCheck(line, 6, len)));
    }

    /** Collects every message that reaches the application position. */
    public static final class Collector extends ChannelInboundHandlerAdapter {
        public final List<Object> messages = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            messages.add(msg);
        }

        public <T> List<T> of(Class<T> type) {
            return messages.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The real server pipeline, with a collector as the application handler. */
    public static EmbeddedChannel serverChannel(Collector collector, Hj212Stats stats) {
        return new EmbeddedChannel(Hj212ChannelInitializer.builder(() -> collector).stats(stats).build());
    }

    /** Feeds {@code data} in random chunks of {@code min..max} bytes; returns the number of writes. */
    public static int feed(EmbeddedChannel ch, byte[] data, Random rnd, int min, int max) {
        int writes = 0;
        for (int off = 0; off < data.length; ) {
            int n = Math.min(data.length - off, min + rnd.nextInt(max - min + 1));
            ch.writeInbound(Unpooled.wrappedBuffer(data, off, n));
            off += n;
            writes++;
        }
        return writes;
    }

    /** A frame decoder that remembers the most bytes it ever held between reads. */
    public static final class ProbedFrameDecoder extends Hj212FrameDecoder {
        public int maxHeld;

        public ProbedFrameDecoder(int maxDataLength, Hj212Stats stats) {
            super(maxDataLength, stats);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            super.channelRead(ctx, msg);
            maxHeld = Math.max(maxHeld, internalBuffer().readableBytes());
        }
    }
}
