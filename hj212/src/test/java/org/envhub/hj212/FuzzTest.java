package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.envhub.hj212.netty.Hj212PacketDecoder;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the decoder: real frames mutated (bits flipped, bytes inserted and deleted, stray {@code ##} and
 * CR LF), random bytes, random chunking. Whatever comes in: no exception escapes, nothing hangs, the buffer
 * stays under the cap, every byte is accounted for, and every frame the mutations did not touch comes out
 * intact. Each check runs on many seeded random cases; a failure names its seed so that it can be replayed.
 */
class FuzzTest {

    private static final byte[] ALL = TestSupport.traffic();
    private static final List<byte[]> LINES = TestSupport.lines(ALL);
    private static final int[] LINE_START = new int[LINES.size()];

    static {
        int off = 0;
        for (int i = 0; i < LINES.size(); i++) {
            LINE_START[i] = off;
            off += LINES.get(i).length + 2;
        }
    }

    enum Kind { FLIP, INSERT, DELETE, INSERT_HASHES, INSERT_CRLF, DELETE_RUN }

    record Mutation(Kind kind, double at, int value) {
    }

    /** Runs {@code check} on {@code cases} cases, each with its own seed. */
    static void cases(int cases, long seed, Consumer<SplittableRandom> check) {
        for (int i = 0; i < cases; i++) {
            try {
                check.accept(new SplittableRandom(seed + i));
            } catch (AssertionError e) {
                throw new AssertionError("case " + i + " (seed " + (seed + i) + ") failed: " + e.getMessage(), e);
            }
        }
    }

    static List<Mutation> mutations(SplittableRandom r) {
        List<Mutation> list = new ArrayList<>();
        int n = r.nextInt(13);
        for (int i = 0; i < n; i++) {
            list.add(new Mutation(Kind.values()[r.nextInt(Kind.values().length)], r.nextDouble(), r.nextInt(256)));
        }
        return list;
    }

    static int cap(SplittableRandom r) {
        return new int[] {300, 1024, 9999}[r.nextInt(3)];
    }

    @Test
    void mutatedRealTrafficInRandomChunks() {
        cases(150, 212_000L, r -> mutatedRealTrafficInRandomChunks(r.nextInt(0, 18_001), r.nextInt(1, 61), mutations(r),
                r.nextInt(1, 4097), r.nextLong(), cap(r)));
    }

    private void mutatedRealTrafficInRandomChunks(int firstLine, int lineCount, List<Mutation> mutations, int maxChunk,
                                                  long chunkSeed, int cap) {
        int from = firstLine;
        int to = Math.min(LINES.size(), firstLine + lineCount);
        byte[] original = Arrays.copyOfRange(ALL, LINE_START[from], to < LINES.size() ? LINE_START[to] : ALL.length);
        // origin[j]: the index in `original` of mutated byte j, or -1 for a byte put in or changed
        List<Integer> origin = new ArrayList<>(original.length);
        List<Byte> bytes = new ArrayList<>(original.length);
        for (int i = 0; i < original.length; i++) {
            origin.add(i);
            bytes.add(original[i]);
        }
        for (Mutation mu : mutations) {
            int at = (int) (mu.at() * bytes.size());
            switch (mu.kind()) {
                case FLIP -> {
                    if (at < bytes.size()) {
                        bytes.set(at, (byte) (bytes.get(at) ^ (1 << (mu.value() % 8))));
                        origin.set(at, -1);
                    }
                }
                case INSERT -> insert(bytes, origin, at, (byte) mu.value());
                case INSERT_HASHES -> {
                    insert(bytes, origin, at, (byte) '#');
                    insert(bytes, origin, at, (byte) '#');
                }
                case INSERT_CRLF -> {
                    insert(bytes, origin, at, (byte) '\n');
                    insert(bytes, origin, at, (byte) '\r');
                }
                case DELETE -> delete(bytes, origin, at, 1);
                case DELETE_RUN -> delete(bytes, origin, at, 1 + mu.value());
            }
        }
        byte[] stream = new byte[bytes.size()];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = bytes.get(i);
        }
        Decoded d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> decode(stream, cap, chunkSeed, maxChunk));

        List<Integer> starts = accountForEveryByte(stream, d);
        // every line the mutations left alone (with the CR LF before and after it) comes out intact
        Map<Integer, Integer> where = new HashMap<>();
        for (int j = 0; j < origin.size(); j++) {
            if (origin.get(j) >= 0) {
                where.put(origin.get(j), j);
            }
        }
        Map<Integer, Object> outputAt = new HashMap<>();
        for (int k = 0; k < starts.size(); k++) {
            outputAt.put(starts.get(k), d.outputs.get(k));
        }
        int checked = 0;
        for (int i = from; i < to; i++) {
            byte[] line = LINES.get(i);
            int start = LINE_START[i] - LINE_START[from];
            int lo = i == from ? start : start - 2;
            int hi = start + line.length + 2;
            if (!TestSupport.intact(line) || line.length - 10 > cap || !untouched(where, lo, Math.min(hi, original.length))) {
                continue;
            }
            Object out = outputAt.get(where.get(start));
            assertThat(out).as("untouched line %d", i + 1).isInstanceOf(InboundPacket.class);
            assertThat(((InboundPacket) out).frame().contentEquals(line)).isTrue();
            checked++;
        }
        if (mutations.isEmpty()) {
            assertThat(checked).isPositive();
        }
    }

    @Test
    void randomBytesInRandomChunks() {
        cases(100, 213_000L, r -> {
            byte[] stream = noise(r);
            int maxChunk = r.nextInt(1, 513);
            long seed = r.nextLong();
            int cap = cap(r);
            Decoded d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> decode(stream, cap, seed, maxChunk));
            accountForEveryByte(stream, d);
        });
    }

    private static final String[] FRAME_LIKE = {"##", "\r\n", "##0", "##0100", "##9999", "&&", "CP=&&", "###", "#"};

    /** Random bytes, with frame-like pieces mixed in so the decoder's states are all reached. */
    static byte[] noise(SplittableRandom r) {
        int n = r.nextInt(41);
        byte[][] pieces = new byte[n][];
        for (int i = 0; i < n; i++) {
            pieces[i] = switch (r.nextInt(4)) {
                case 0 -> {
                    byte[] b = new byte[r.nextInt(301)];
                    for (int k = 0; k < b.length; k++) {
                        b[k] = (byte) r.nextInt(256);
                    }
                    yield b;
                }
                case 1 -> Frames.ascii(FRAME_LIKE[r.nextInt(FRAME_LIKE.length)]);
                case 2 -> Frames.concat(LINES.get(r.nextInt(LINES.size())), Frames.ascii("\r\n"));
                default -> LINES.get(r.nextInt(LINES.size()));
            };
        }
        return Frames.concat(pieces);
    }

    @Test
    void theResultDoesNotDependOnHowTheStreamIsChunked() {
        cases(100, 214_000L, r -> chunkingDoesNotMatter(noise(r), r.nextLong(), r.nextInt(1, 301), cap(r)));
    }

    private void chunkingDoesNotMatter(byte[] stream, long seed, int maxChunk, int cap) {
        Decoded whole = decode(stream, cap, seed, Math.max(1, stream.length));
        Decoded chunked = decode(stream, cap, seed, maxChunk);
        assertThat(chunked.outputs).isEqualTo(whole.outputs);
        assertThat(chunked.garbage).isEqualTo(whole.garbage);
    }

    @Test
    void theServerPipelineSwallowsNoExceptionAndCountsEveryFrame() {
        cases(30, 215_000L, r -> serverPipelineCountsEveryFrame(noise(r), r.nextLong()));
    }

    private void serverPipelineCountsEveryFrame(byte[] stream, long seed) {
        TestSupport.Collector c = new TestSupport.Collector();
        Hj212Stats stats = new Hj212Stats();
        EmbeddedChannel ch = TestSupport.serverChannel(c, stats);
        TestSupport.feed(ch, stream, new Random(seed), 1, 700);
        ch.finish();
        Hj212Stats.Snapshot s = stats.snapshot();
        assertThat(s.exceptions()).isZero();
        assertThat(s.received()).isEqualTo(s.accepted() + s.rejected());
        assertThat(c.of(RejectedFrame.class)).hasSize((int) s.rejected());
        assertThat(ch.isOpen()).isFalse(); // closed by finish(), not by an error
    }

    private record Decoded(List<Object> outputs, int maxHeld, int maxFrameBytes, long garbage) {
    }

    private static Decoded decode(byte[] stream, int cap, long seed, int maxChunk) {
        Hj212Stats stats = new Hj212Stats();
        TestSupport.ProbedFrameDecoder framer = new TestSupport.ProbedFrameDecoder(cap, stats);
        // no exception guard here: anything thrown reaches EmbeddedChannel, which rethrows it
        EmbeddedChannel ch = new EmbeddedChannel(framer, new Hj212PacketDecoder());
        TestSupport.feed(ch, stream, new Random(seed), 1, maxChunk);
        ch.finish();
        ch.checkException();
        List<Object> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add(o);
        }
        return new Decoded(out, framer.maxHeld, framer.maxFrameBytes(), stats.snapshot().garbageBytes());
    }

    /**
     * Finds each output's raw bytes in the stream, in order. Between them there may be only bytes that do
     * not start a frame: nothing starting with {@code ##} is dropped. Returns where each output starts.
     */
    private static List<Integer> accountForEveryByte(byte[] stream, Decoded d) {
        assertThat(d.maxHeld).isLessThanOrEqualTo(d.maxFrameBytes);
        List<Integer> starts = new ArrayList<>();
        int pos = 0;
        for (Object o : d.outputs) {
            assertThat(o).isInstanceOfAny(InboundPacket.class, RejectedFrame.class);
            byte[] raw;
            if (o instanceof InboundPacket p) {
                raw = p.frame().bytes();
                Hj212Check.Match m = Hj212Check.verify(raw, 6, p.frame().dataLength(), raw.length - 4);
                assertThat(m.valid()).isTrue();
            } else {
                RejectedFrame r = (RejectedFrame) o;
                raw = r.bytes();
                assertThat(r.detail()).isNotBlank();
                assertThat(r.length()).isLessThanOrEqualTo(d.maxFrameBytes);
            }
            int at = indexOf(stream, raw, pos);
            assertThat(at).as("output found in the stream after %d", pos).isGreaterThanOrEqualTo(0);
            assertNoFrameStart(stream, pos, at, false);
            starts.add(at);
            pos = at + raw.length;
        }
        assertNoFrameStart(stream, pos, stream.length, true);
        return starts;
    }

    private static void assertNoFrameStart(byte[] b, int from, int to, boolean tail) {
        for (int i = from; i + 1 < to; i++) {
            boolean start = b[i] == '#' && b[i + 1] == '#' && (i + 2 >= b.length || b[i + 2] != '#');
            if (start) {
                throw new AssertionError("a frame start at " + i + " was dropped: "
                        + new String(b, i, Math.min(40, b.length - i), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static boolean untouched(Map<Integer, Integer> where, int lo, int hi) {
        Integer base = where.get(lo);
        if (base == null) {
            return false;
        }
        for (int k = lo; k < hi; k++) {
            Integer j = where.get(k);
            if (j == null || j != base + (k - lo)) {
                return false;
            }
        }
        return true;
    }

    private static void insert(List<Byte> bytes, List<Integer> origin, int at, byte b) {
        bytes.add(at, b);
        origin.add(at, -1);
    }

    private static void delete(List<Byte> bytes, List<Integer> origin, int at, int n) {
        for (int k = 0; k < n && at < bytes.size(); k++) {
            bytes.remove(at);
            origin.remove(at);
        }
    }

    /** Where {@code needle} occurs from {@code from} on, at a frame start (the last two of a run of '#'). */
    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            if (i + 2 < hay.length && hay[i + 2] == '#') {
                continue;
            }
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
