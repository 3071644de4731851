package org.envhub.hj212.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.RejectedFrame;

/**
 * Counts every frame once, right after parsing (so each piece of a split packet counts), and passes it on.
 */
@ChannelHandler.Sharable
public class Hj212StatsHandler extends ChannelInboundHandlerAdapter {

    private final Hj212Stats stats;

    public Hj212StatsHandler(Hj212Stats stats) {
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof InboundPacket p) {
            stats.accepted(p.deviations());
        } else if (msg instanceof RejectedFrame r) {
            stats.rejected(r.reason(), r.deviations());
        }
        ctx.fireChannelRead(msg);
    }
}
