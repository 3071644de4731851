package org.envhub.hj212.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.IncompleteSplitPacket;
import org.envhub.hj212.SplitPackets;

/**
 * Reassembles split packets (PNUM/PNO, 拆分包): pieces with the same MN, CN, QN and PNUM are held until all
 * PNO 1..PNUM have arrived, then one merged {@link InboundPacket} (with every raw frame) goes on.
 *
 * <p>Nothing is lost silently: when the timeout runs out, the connection closes, or too many packets are
 * pending, the pieces received so far go on as an {@link IncompleteSplitPacket}. A packet announcing
 * more than {@code maxPieces} pieces is not held at all: its pieces go on one by one, as they came.
 *
 * <p>Not sharable: it holds the pieces of one connection. All state is touched on the channel's event
 * loop only (reads, the timer and close all run there), so no locking.
 */
public class SplitPacketAggregator extends ChannelInboundHandlerAdapter {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_PENDING = 16;
    public static final int DEFAULT_MAX_PIECES = 256;

    private final long timeoutNanos;
    private final int maxPending;
    private final int maxPieces;
    private final Hj212Stats stats;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private static final class Pending {
        final String key;
        final Hj212Packet first;
        final TreeMap<Integer, InboundPacket> pieces = new TreeMap<>();
        boolean duplicates;
        ScheduledFuture<?> timer;

        Pending(String key, Hj212Packet first) {
            this.key = key;
            this.first = first;
        }
    }

    public SplitPacketAggregator(Duration timeout, int maxPending, int maxPieces, Hj212Stats stats) {
        if (timeout.isNegative() || timeout.isZero() || maxPending < 1 || maxPieces < 1) {
            throw new IllegalArgumentException("timeout, maxPending and maxPieces must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
        this.maxPending = maxPending;
        this.maxPieces = maxPieces;
        this.stats = stats == null ? new Hj212Stats() : stats;
    }

    public SplitPacketAggregator(Hj212Stats stats) {
        this(DEFAULT_TIMEOUT, DEFAULT_MAX_PENDING, DEFAULT_MAX_PIECES, stats);
    }

    /** Number of split packets waiting for pieces (for tests and monitoring). */
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof InboundPacket ip) || !ip.packet().split() || ip.reassembled()
                || ip.packet().pnum() > maxPieces) {
            ctx.fireChannelRead(msg);
            return;
        }
        Hj212Packet p = ip.packet();
        String key = SplitPackets.key(p);
        Pending pd = pending.get(key);
        if (pd == null) {
            if (pending.size() >= maxPending) {
                Pending oldest = pending.values().iterator().next();
                giveUp(ctx, oldest, "more than " + maxPending + " split packets pending");
            }
            Pending created = new Pending(key, p);
            pending.put(key, created);
            created.timer = ctx.executor().schedule(
                    () -> giveUp(ctx, created, "timeout after " + Duration.ofNanos(timeoutNanos)),
                    timeoutNanos, TimeUnit.NANOSECONDS);
            pd = created;
        }
        if (pd.pieces.putIfAbsent(p.pno(), ip) != null) {
            pd.duplicates = true;
        }
        if (pd.pieces.size() == p.pnum()) {
            pending.remove(key);
            pd.timer.cancel(false);
            stats.splitCompleted();
            ctx.fireChannelRead(SplitPackets.merge(new ArrayList<>(pd.pieces.values()), pd.duplicates));
        }
    }

    private void giveUp(ChannelHandlerContext ctx, Pending pd, String reason) {
        if (pending.remove(pd.key) != pd) {
            return; // completed or given up already
        }
        if (pd.timer != null) {
            pd.timer.cancel(false);
        }
        stats.splitIncomplete();
        Hj212Packet p = pd.first;
        ctx.fireChannelRead(new IncompleteSplitPacket(p.mn(), p.cn(), p.qn(), p.pnum(),
                List.copyOf(pd.pieces.values()), reason));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        for (Iterator<Pending> it = new ArrayList<>(pending.values()).iterator(); it.hasNext(); ) {
            giveUp(ctx, it.next(), "connection closed");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (Pending pd : pending.values()) {
            if (pd.timer != null) {
                pd.timer.cancel(false);
            }
        }
        pending.clear();
    }
}
