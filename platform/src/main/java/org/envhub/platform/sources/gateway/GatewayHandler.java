package org.envhub.platform.sources.gateway;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.envhub.hj212.Hj212Inbound;

/** The application end of each device connection: stamps what arrives and hands it to the sink. */
@ChannelHandler.Sharable
final class GatewayHandler extends ChannelInboundHandlerAdapter {

    private final ArrivalSink sink;

    GatewayHandler(ArrivalSink sink) {
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Hj212Inbound inbound) {
            sink.accept(new Arrival(inbound, ctx.channel(), LocalDateTime.now(ZoneOffset.UTC), System.nanoTime(),
                    peer(ctx.channel().remoteAddress())));
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    static String peer(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return (inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress()) + ":" + inet.getPort();
        }
        return address == null ? null : address.toString();
    }
}
