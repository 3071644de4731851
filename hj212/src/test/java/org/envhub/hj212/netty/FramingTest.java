package org.envhub.hj212.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envhub.hj212.Frames.ascii;
import static org.envhub.hj212.Frames.concat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.List;
import org.envhub.hj212.Frames;
import org.envhub.hj212.Hj212Check;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.ParserOptions;
import org.envhub.hj212.RawFrame;
import org.envhub.hj212.RejectReason;
import org.envhub.hj212.RejectedFrame;
import org.junit.jupiter.api.Test;

/** Framing on raw bytes: rejections with reasons, resynchronisation, the cap, chunking. */
class FramingTest {

    private static final String DATA =
            "QN=20240101120000000;ST=32;CN=2011;PW=123456;MN=MN0001;Flag=5;CP=&&DataTime=20240101120000;w01018-Rtd=44.3,w01018-Flag=N&&";
    private static final byte[] GOOD = Frames.frame(DATA);
    private static final byte[] GOOD_LINE = Arrays.copyOf(GOOD, GOOD.length - 2);

    @Test
    void severalFramesInOneReadAndOneFrameAcrossManyReads() {
        byte[] three = concat(GOOD, GOOD, GOOD);
        assertThat(Frames.decode(three)).hasSize(3).allMatch(o -> o instanceof InboundPacket);

        EmbeddedChannel ch = new EmbeddedChannel(new Hj212FrameDecoder());
        for (byte b : GOOD) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        RawFrame f = ch.readInbound();
        assertThat(f.contentEquals(GOOD_LINE)).isTrue();
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void aFrameIsEmittedAsSoonAsItsCheckValueArrivesWithoutWaitingForCrLf() {
        EmbeddedChannel ch = new EmbeddedChannel(new Hj212FrameDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(GOOD_LINE));
        RawFrame f = ch.readInbound();
        assertThat(f).isNotNull();
        assertThat(f.contentEquals(GOOD_LINE)).isTrue();
    }

    @Test
    void framesWithoutCrLfBetweenThemAreBothRead() {
        List<Object> out = Frames.decode(concat(GOOD_LINE, GOOD_LINE));
        assertThat(out).hasSize(2).allMatch(o -> o instanceof InboundPacket);
    }

    @Test
    void garbageBeforeAFrameIsSkippedAndCounted() {
        Hj212Stats stats = new Hj212Stats();
        List<Object> out = Frames.decode(concat(ascii("hello\r\n#x#"), GOOD, ascii("\r\n\r\n")),
                ParserOptions.lenient(), 9999, stats);
        assertThat(out).hasSize(1).first().isInstanceOf(InboundPacket.class);
        assertThat(stats.snapshot().garbageBytes()).isEqualTo("hello#x#".length());
    }

    @Test
    void aRunOfHashesStartsTheFrameAtTheLastTwo() {
        List<Object> out = Frames.decode(concat(ascii("####"), GOOD));
        assertThat(out).hasSize(1);
        assertThat(((InboundPacket) out.get(0)).frame().contentEquals(GOOD_LINE)).isTrue();
    }

    @Test
    void lostBytesGiveALengthMismatchAndTheNextFrameIsIntact() {
        byte[] shortened = concat(Arrays.copyOf(GOOD, 40), Arrays.copyOfRange(GOOD, 45, GOOD.length));
        List<Object> out = Frames.decode(concat(shortened, GOOD));
        assertThat(out).hasSize(2);
        RejectedFrame r = (RejectedFrame) out.get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.LENGTH_MISMATCH);
        assertThat(r.contentEquals(Arrays.copyOf(shortened, shortened.length - 2))).isTrue();
        assertThat(r.detail()).contains("declared " + DATA.length()).contains("after " + (DATA.length() - 5));
        assertThat(((InboundPacket) out.get(1)).frame().contentEquals(GOOD_LINE)).isTrue();
    }

    @Test
    void lostBytesIncludingTheCrLfEndTheBadFrameAtTheNextHashes() {
        byte[] cut = Arrays.copyOf(GOOD, 60); // no check value, no CR LF: the next frame follows at once
        List<Object> out = Frames.decode(concat(cut, GOOD));
        assertThat(out).hasSize(2);
        assertThat(((RejectedFrame) out.get(0)).contentEquals(cut)).isTrue();
        assertThat(out.get(1)).isInstanceOf(InboundPacket.class);
    }

    @Test
    void insertedBytesGiveALengthMismatch() {
        byte[] longer = concat(Arrays.copyOf(GOOD, 40), ascii("XYZ"), Arrays.copyOfRange(GOOD, 40, GOOD.length));
        List<Object> out = Frames.decode(concat(longer, GOOD));
        assertThat(out).hasSize(2);
        assertThat(((RejectedFrame) out.get(0)).reason()).isEqualTo(RejectReason.LENGTH_MISMATCH);
        assertThat(out.get(1)).isInstanceOf(InboundPacket.class);
    }

    @Test
    void aCorruptedLengthNeverSwallowsTheNextFrameEvenWhenItsCheckHappensToPass() {
        // A's length is corrupted to reach into B, and B happens to hold, where A's window ends, the 4 hex
        // digits of the window's check value (a 1-in-256 accident on hex-looking bytes, built here on purpose).
        String aData = "ST=32;CN=2011;PW=1;MN=A;CP=&&DataTime=20240101120000&&";
        String bPrefix = "ST=32;CN=2011;PW=1;MN=B;CP=&&DataTime=20240101120000;w01018-Rtd=";
        int bLength = bPrefix.length() + 4 + 2;
        String window = aData + "\r\n" + String.format("##%04d", bLength) + bPrefix;
        String h = Hj212Check.toHex(Hj212Check.compute(ascii(window)));
        byte[] b = Frames.frame(bPrefix + h + "&&");
        byte[] a = concat(ascii(String.format("##%04d", window.length()) + aData + "\r\n"));
        byte[] stream = concat(a, b);
        // the window of A, as declared, does pass the check
        assertThat(Hj212Check.verify(stream, 6, window.length(), 6 + window.length()).valid()).isTrue();

        List<Object> out = Frames.decode(stream);
        assertThat(out).hasSize(2);
        assertThat(((RejectedFrame) out.get(0)).reason()).isEqualTo(RejectReason.LENGTH_MISMATCH);
        InboundPacket bOut = (InboundPacket) out.get(1);
        assertThat(bOut.frame().contentEquals(Arrays.copyOf(b, b.length - 2))).isTrue();
        assertThat(bOut.packet().mn()).isEqualTo("B");
    }

    @Test
    void aLengthCorruptedUpwardsIsRejectedAsSoonAsTheFramesOwnCrLfArrives() {
        // declared 900, but the frame (and its CR LF) is much shorter: no need to wait for 900 bytes
        byte[] bad = concat(ascii("##0900"), Arrays.copyOfRange(GOOD, 6, GOOD.length));
        EmbeddedChannel ch = new EmbeddedChannel(new Hj212FrameDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(bad));
        RejectedFrame r = ch.readInbound();
        assertThat(r).isNotNull();
        assertThat(r.reason()).isEqualTo(RejectReason.LENGTH_MISMATCH);
        assertThat(r.contentEquals(Arrays.copyOf(bad, bad.length - 2))).isTrue();
        // and a frame that is merely incomplete is waited for
        ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(GOOD, 60)));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(GOOD, 60, GOOD.length)));
        assertThat(((RawFrame) ch.readInbound()).contentEquals(GOOD_LINE)).isTrue();
    }

    @Test
    void aWrongCheckValueIsACheckMismatch() {
        byte[] bad = GOOD.clone();
        bad[bad.length - 3] = (byte) (bad[bad.length - 3] == '0' ? '1' : '0');
        RejectedFrame r = (RejectedFrame) Frames.decodeOne(bad, ParserOptions.lenient());
        assertThat(r.reason()).isEqualTo(RejectReason.CHECK_MISMATCH);
        assertThat(r.detail()).contains(Hj212Check.toHex(Hj212Check.compute(ascii(DATA))) + " computed");

        byte[] notHex = GOOD.clone();
        notHex[notHex.length - 3] = 'Z';
        RejectedFrame r2 = (RejectedFrame) Frames.decodeOne(notHex, ParserOptions.lenient());
        assertThat(r2.reason()).isEqualTo(RejectReason.CHECK_MISMATCH);
        assertThat(r2.detail()).contains("not 4 hex digits");
    }

    @Test
    void aFlippedDataByteIsACheckMismatch() {
        byte[] bad = GOOD.clone();
        bad[30] ^= 0x01;
        RejectedFrame r = (RejectedFrame) Frames.decodeOne(bad, ParserOptions.lenient());
        assertThat(r.reason()).isIn(RejectReason.CHECK_MISMATCH);
    }

    @Test
    void binaryGarbageAfterHashesHasABadLengthField() {
        byte[] garbage = concat(ascii("##test1391"), new byte[] {0, '\n', '$', 8, ']', 0}, ascii("?Ptd=0.06&&C5C1\r\n"));
        List<Object> out = Frames.decode(concat(garbage, GOOD));
        assertThat(out).hasSize(2);
        RejectedFrame r = (RejectedFrame) out.get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_LENGTH_FIELD);
        assertThat(r.contentEquals(Arrays.copyOf(garbage, garbage.length - 2))).isTrue();
        assertThat(out.get(1)).isInstanceOf(InboundPacket.class);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRejectedAndTheStreamGoesOn() {
        Hj212Stats stats = new Hj212Stats();
        List<Object> out = Frames.decode(concat(GOOD, GOOD), ParserOptions.lenient(), 100, stats);
        assertThat(DATA.length()).isGreaterThan(100);
        assertThat(out).hasSize(2).allMatch(o -> ((RejectedFrame) o).reason() == RejectReason.FRAME_TOO_LONG);
        // only the first cap + 12 bytes are kept (the decoder never holds more); the rest is skipped as garbage
        int kept = 100 + 12;
        RejectedFrame first = (RejectedFrame) out.get(0);
        assertThat(first.truncated()).isTrue();
        assertThat(first.contentEquals(Arrays.copyOf(GOOD, kept))).isTrue();
        assertThat(stats.snapshot().garbageBytes()).isEqualTo(2L * (GOOD_LINE.length - kept));

        List<Object> ok = Frames.decode(GOOD, ParserOptions.lenient(), DATA.length(), stats);
        assertThat(ok).hasSize(1).first().isInstanceOf(InboundPacket.class);
    }

    @Test
    void aFrameWithNoEndWithinTheCapIsTruncatedAndBoundsTheBuffer() {
        Hj212Stats stats = new Hj212Stats();
        int cap = 200;
        byte[] endless = new byte[3000];
        Arrays.fill(endless, (byte) 'x');
        byte[] start = ascii("##0150");
        System.arraycopy(start, 0, endless, 0, start.length);
        TestProbe probe = new TestProbe(cap, stats);
        EmbeddedChannel ch = new EmbeddedChannel(probe);
        org.envhub.hj212.TestSupport.feed(ch, concat(endless, GOOD), new java.util.Random(5), 1, 64);
        ch.finish();
        RejectedFrame r = ch.readInbound();
        assertThat(r.reason()).isEqualTo(RejectReason.LENGTH_MISMATCH);
        assertThat(r.truncated()).isTrue();
        assertThat(r.length()).isEqualTo(probe.maxFrameBytes());
        RawFrame next = ch.readInbound(); // the frame after the runaway one is intact
        assertThat(next.contentEquals(GOOD_LINE)).isTrue();
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(stats.snapshot().garbageBytes()).isEqualTo(3000 - probe.maxFrameBytes());
        assertThat(probe.maxHeld).isLessThanOrEqualTo(probe.maxFrameBytes());
    }

    @Test
    void theStreamEndingInsideAFrameReportsIt() {
        List<Object> out = Frames.decode(Arrays.copyOf(GOOD, 50));
        assertThat(out).hasSize(1);
        RejectedFrame r = (RejectedFrame) out.get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.LENGTH_MISMATCH);
        assertThat(r.contentEquals(Arrays.copyOf(GOOD, 50))).isTrue();
    }

    @Test
    void aMissingCpCnOrMnIsAMalformedPacket() {
        for (String data : List.of("QN=1;ST=32;CN=2011;PW=1;MN=M1;Flag=4;", "ST=32;PW=1;MN=M1;CP=&&&&",
                "ST=32;CN=2011;PW=1;CP=&&&&", "ST=32;CN=20x1;PW=1;MN=M1;CP=&&&&", "ST=32;CN=2011;PW=1;MN=;CP=&&&&")) {
            Object o = Frames.decodeOne(Frames.frame(data), ParserOptions.lenient());
            assertThat(o).as(data).isInstanceOf(RejectedFrame.class);
            assertThat(((RejectedFrame) o).reason()).isEqualTo(RejectReason.MALFORMED_PACKET);
        }
    }

    /** Exposes how many bytes the decoder holds. */
    static final class TestProbe extends Hj212FrameDecoder {
        int maxHeld;

        TestProbe(int cap, Hj212Stats stats) {
            super(cap, stats);
        }

        @Override
        public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) throws Exception {
            super.channelRead(ctx, msg);
            maxHeld = Math.max(maxHeld, internalBuffer().readableBytes());
        }
    }
}
