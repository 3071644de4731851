package org.envhub.hj212.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.function.BiConsumer;
import org.envhub.hj212.Hj212Stats;

/**
 * Reacts to {@link IdleStateEvent}s from an {@link io.netty.handler.timeout.IdleStateHandler} in front of
 * it: counts them and calls the hook (by default: close the connection, a logger silent for that long is
 * gone). The event is passed on, so the application sees it too.
 */
@ChannelHandler.Sharable
public class Hj212IdleHandler extends ChannelInboundHandlerAdapter {

    /** Closes the channel. */
    public static final BiConsumer<ChannelHandlerContext, IdleStateEvent> CLOSE = (ctx, e) -> ctx.close();

    private final Hj212Stats stats;
    private final BiConsumer<ChannelHandlerContext, IdleStateEvent> hook;

    public Hj212IdleHandler(Hj212Stats stats, BiConsumer<ChannelHandlerContext, IdleStateEvent> hook) {
        this.stats = stats;
        this.hook = hook;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent e) {
            stats.idle();
            hook.accept(ctx, e);
        }
        ctx.fireUserEventTriggered(evt);
    }
}
