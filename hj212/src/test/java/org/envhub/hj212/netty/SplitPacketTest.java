package org.envhub.hj212.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envhub.hj212.Deviation;
import org.envhub.hj212.Factor;
import org.envhub.hj212.Frames;
import org.envhub.hj212.Hj212Replies;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.IncompleteSplitPacket;
import org.envhub.hj212.TestSupport;
import org.junit.jupiter.api.Test;

/** Split packets (PNUM/PNO): reassembly in any order, duplicates, the timeout, close, the pending cap. */
class SplitPacketTest {

    private static byte[] piece(String qn, int pnum, int pno, String factors) {
        return Frames.frame("QN=" + qn + ";ST=31;CN=2061;PW=123456;MN=MN0001;Flag=7;PNUM=" + pnum + ";PNO=" + pno
                + ";CP=&&DataTime=20240101110000;" + factors + "&&");
    }

    private static final String QN = "20240101120000000";
    private static final byte[] P1 = piece(QN, 3, 1, "a21026-Avg=10.0,a21026-Flag=N");
    private static final byte[] P2 = piece(QN, 3, 2, "a21002-Avg=20.0,a21002-Flag=N");
    private static final byte[] P3 = piece(QN, 3, 3, "a34013-Avg=3.0,a34013-Flag=N;a00000-Avg=250.0");

    private static final class Setup {
        final TestSupport.Collector collector = new TestSupport.Collector();
        final Hj212Stats stats = new Hj212Stats();
        final SplitPacketAggregator aggregator;
        final EmbeddedChannel ch;

        Setup(Duration timeout, int maxPending) {
            aggregator = new SplitPacketAggregator(timeout, maxPending, 16, stats);
            ch = new EmbeddedChannel(new Hj212FrameDecoder(), new Hj212PacketDecoder(), aggregator, collector);
            ch.freezeTime();
        }

        void write(byte[]... frames) {
            for (byte[] f : frames) {
                ch.writeInbound(Unpooled.wrappedBuffer(f));
            }
        }
    }

    @Test
    void piecesInAnyOrderAreMergedIntoOnePacket() {
        Setup s = new Setup(Duration.ofSeconds(30), 4);
        s.write(P3, P1);
        assertThat(s.collector.messages).isEmpty();
        assertThat(s.aggregator.pendingCount()).isEqualTo(1);
        s.write(P2);
        assertThat(s.collector.messages).hasSize(1);
        InboundPacket merged = (InboundPacket) s.collector.messages.get(0);
        assertThat(merged.reassembled()).isTrue();
        assertThat(merged.frames()).hasSize(3);
        assertThat(merged.frames().get(0).contentEquals(java.util.Arrays.copyOf(P1, P1.length - 2))).isTrue();
        assertThat(merged.frames().get(2).contentEquals(java.util.Arrays.copyOf(P3, P3.length - 2))).isTrue();
        assertThat(merged.packet().pnum()).isNull();
        assertThat(merged.packet().flag().split()).isFalse();
        assertThat(merged.packet().flag().answerWanted()).isTrue();
        assertThat(merged.packet().cp().factors()).extracting(Factor::code)
                .containsExactly("a21026", "a21002", "a34013", "a00000");
        assertThat(merged.packet().cp().dataTimeText()).isEqualTo("20240101110000");
        // the DataTime each piece repeats is not a deviation
        assertThat(merged.deviations()).doesNotContain(Deviation.REPEATED_KEY, Deviation.CONFLICTING_KEY);
        assertThat(s.aggregator.pendingCount()).isZero();
        assertThat(s.stats.snapshot().splitCompleted()).isEqualTo(1);
        // one 9014 for the whole packet, with its QN
        assertThat(Hj212Replies.answerFor(merged.packet()).orElseThrow().qn()).isEqualTo(QN);
    }

    @Test
    void aDuplicatePieceIsRecorded() {
        Setup s = new Setup(Duration.ofSeconds(30), 4);
        s.write(P1, P1, P2, P3);
        InboundPacket merged = (InboundPacket) s.collector.messages.get(0);
        assertThat(merged.deviations()).contains(Deviation.DUPLICATE_SPLIT_PIECE);
        assertThat(merged.frames()).hasSize(3);
    }

    @Test
    void anIncompletePacketIsReportedAtTheTimeoutWithItsPieces() {
        Setup s = new Setup(Duration.ofSeconds(30), 4);
        s.write(P1, P3);
        s.ch.advanceTimeBy(29, TimeUnit.SECONDS);
        s.ch.runScheduledPendingTasks();
        assertThat(s.collector.messages).isEmpty();
        s.ch.advanceTimeBy(2, TimeUnit.SECONDS);
        s.ch.runScheduledPendingTasks();
        assertThat(s.collector.messages).hasSize(1);
        IncompleteSplitPacket inc = (IncompleteSplitPacket) s.collector.messages.get(0);
        assertThat(inc.pnum()).isEqualTo(3);
        assertThat(inc.receivedPieces()).containsExactly(1, 3);
        assertThat(inc.mn()).isEqualTo("MN0001");
        assertThat(inc.qn()).isEqualTo(QN);
        assertThat(inc.reason()).contains("timeout");
        assertThat(s.stats.snapshot().splitIncomplete()).isEqualTo(1);
        // a late piece starts a new wait and does not resurrect the old one
        s.write(P2);
        assertThat(s.collector.messages).hasSize(1);
        assertThat(s.aggregator.pendingCount()).isEqualTo(1);
    }

    @Test
    void closingTheConnectionReportsWhatIsPending() {
        Setup s = new Setup(Duration.ofSeconds(30), 4);
        s.write(P2);
        s.ch.close();
        assertThat(s.collector.messages).hasSize(1);
        IncompleteSplitPacket inc = (IncompleteSplitPacket) s.collector.messages.get(0);
        assertThat(inc.receivedPieces()).containsExactly(2);
        assertThat(inc.reason()).isEqualTo("connection closed");
    }

    @Test
    void tooManyPendingPacketsEvictTheOldest() {
        Setup s = new Setup(Duration.ofSeconds(30), 2);
        s.write(piece("20240101120000001", 2, 1, "a21026-Avg=1"), piece("20240101120000002", 2, 1, "a21026-Avg=2"),
                piece("20240101120000003", 2, 1, "a21026-Avg=3"));
        assertThat(s.collector.messages).hasSize(1);
        assertThat(((IncompleteSplitPacket) s.collector.messages.get(0)).qn()).isEqualTo("20240101120000001");
        assertThat(s.aggregator.pendingCount()).isEqualTo(2);
    }

    @Test
    void aPacketAnnouncingTooManyPiecesIsPassedOnPieceByPiece() {
        Setup s = new Setup(Duration.ofSeconds(30), 2);
        s.write(piece(QN, 500, 1, "a21026-Avg=1"));
        assertThat(s.collector.messages).hasSize(1);
        InboundPacket p = (InboundPacket) s.collector.messages.get(0);
        assertThat(p.packet().pnum()).isEqualTo(500);
        assertThat(p.packet().pno()).isEqualTo(1);
    }

    @Test
    void unsplitPacketsPassStraightThrough() {
        Setup s = new Setup(Duration.ofSeconds(30), 2);
        s.write(Frames.frame("QN=" + QN + ";ST=31;CN=2011;PW=1;MN=M;Flag=5;CP=&&DataTime=20240101110000&&"));
        assertThat(s.collector.of(InboundPacket.class)).hasSize(1);
        assertThat(s.aggregator.pendingCount()).isZero();
    }

    @Test
    void timersAreOnTheChannelsEventLoopAndCancelledOnCompletion() {
        Setup s = new Setup(Duration.ofSeconds(30), 2);
        s.write(P1, P2, P3);
        s.ch.advanceTimeBy(60, TimeUnit.SECONDS);
        s.ch.runScheduledPendingTasks();
        List<Object> m = s.collector.messages;
        assertThat(m).hasSize(1).first().isInstanceOf(InboundPacket.class);
    }
}
