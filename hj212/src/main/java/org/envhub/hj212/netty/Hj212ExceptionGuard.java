package org.envhub.hj212.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.System.Logger.Level;
import org.envhub.hj212.Hj212Stats;

/**
 * The last inbound handler: an exception that reaches it (from a decoder, or from the application
 * handler) is counted and logged, and the connection is kept. One bad frame or one failing store must not
 * cut a data logger off; a dead connection is closed by Netty itself or by the idle handler.
 */
@ChannelHandler.Sharable
public class Hj212ExceptionGuard extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(Hj212ExceptionGuard.class.getName());

    private final Hj212Stats stats;

    public Hj212ExceptionGuard(Hj212Stats stats) {
        this.stats = stats;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        stats.exception();
        LOG.log(Level.DEBUG, () -> "HJ 212 channel " + ctx.channel() + ": exception kept inside the pipeline", cause);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Reached only if no application handler took the message: release it like the tail would.
        io.netty.util.ReferenceCountUtil.release(msg);
    }
}
