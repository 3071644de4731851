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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.envhub.hj212.netty.Hj212PacketDecoder;

/**
 * Fuzzing the decoder: real frames mutated (bits flipped, bytes inserted and deleted, stray {@code ##} and
 * CR LF), random bytes, random chunking. Whatever comes in: no exception escapes, nothing hangs, the buffer
 * stays under the cap, every byte is accounted for, and every frame the mutations did not touch comes out
 * intact.
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

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> m = Combinators.combine(Arbitraries.of(Kind.values()), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return m.list().ofMinSize(0).ofMaxSize(12);
    }

    @Property(tries = 150)
    void mutatedRealTrafficInRandomChunks(@ForAll @IntRange(min = 0, max = 18_000) int firstLine,
                                          @ForAll @IntRange(min = 1, max = 60) int lineCount,
                                          @ForAll("mutations") List<Mutation> mutations,
                                          @ForAll @IntRange(min = 1, max = 4096) int maxChunk,
                                          @ForAll long chunkSeed,
                                          @ForAll("caps") int cap) {
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

    @Provide
    Arbitrary<Integer> caps() {
        return Arbitraries.of(300, 1024, 9999);
    }

    @Property(tries = 100)
    void randomBytesInRandomChunks(@ForAll("noise") byte[] stream, @ForAll @IntRange(min = 1, max = 512) int maxChunk,
                                   @ForAll long seed, @ForAll("caps") int cap) {
        Decoded d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> decode(stream, cap, seed, maxChunk));
        accountForEveryByte(stream, d);
    }

    /** Random bytes, with frame-like pieces mixed in so the decoder's states are all reached. */
    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of("##", "\r\n", "##0", "##0100", "##9999", "&&", "CP=&&", "###", "#").map(Frames::ascii),
                Arbitraries.integers().between(0, LINES.size() - 1).map(i -> Frames.concat(LINES.get(i), Frames.ascii("\r\n"))),
                Arbitraries.integers().between(0, LINES.size() - 1).map(LINES::get));
        return piece.list().ofMaxSize(40).map(l -> Frames.concat(l.toArray(byte[][]::new)));
    }

    @Property(tries = 100)
    void theResultDoesNotDependOnHowTheStreamIsChunked(@ForAll("noise") byte[] stream, @ForAll long seed,
                                                        @ForAll @IntRange(min = 1, max = 300) int maxChunk,
                                                        @ForAll("caps") int cap) {
        Decoded whole = decode(stream, cap, seed, Math.max(1, stream.length));
        Decoded chunked = decode(stream, cap, seed, maxChunk);
        assertThat(chunked.outputs).isEqualTo(whole.outputs);
        assertThat(chunked.garbage).isEqualTo(whole.garbage);
    }

    @Property(tries = 30)
    void theServerPipelineSwallowsNoExceptionAndCountsEveryFrame(@ForAll("noise") byte[] stream, @ForAll long seed) {
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
