package org.envhub.platform.sources.gateway;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.netty.Hj212ChannelInitializer;
import org.envhub.platform.config.EnvhubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HJ 212 gateway (数据采集网关): a TCP server on {@code envhub.hj212-port} that data loggers (数采仪)
 * connect to. Each connection runs the codec's pipeline; what it decodes goes to the {@link ArrivalSink},
 * which stores it and answers. Started and stopped with the Spring context: on stop, the listening socket
 * closes first, then the device connections, then the sink finishes what it holds.
 */
@Component
public class Hj212Gateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Hj212Gateway.class);

    private final EnvhubProperties envhub;
    private final GatewayProperties settings;
    private final ArrivalSink sink;
    private final Hj212Stats stats = new Hj212Stats();
    private final ConnectionLimit limit;

    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    private ChannelGroup connections;
    private volatile boolean running;

    public Hj212Gateway(EnvhubProperties envhub, GatewayProperties settings, ArrivalSink sink) {
        this.envhub = envhub;
        this.settings = settings;
        this.sink = sink;
        this.limit = new ConnectionLimit(settings.maxConnections());
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        if (sink instanceof SmartLifecycle l) {
            l.start();
        }
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        connections = new DefaultChannelGroup("hj212-devices", GlobalEventExecutor.INSTANCE);
        GatewayHandler app = new GatewayHandler(sink);
        Hj212ChannelInitializer hj212 = Hj212ChannelInitializer.builder(() -> app)
                .stats(stats)
                .readerIdle(settings.idleTimeout())
                .maxDataLength(settings.maxDataLength())
                .splitTimeout(settings.splitTimeout())
                .build();
        ChannelGroup group = connections;
        try {
            server = new ServerBootstrap().group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            group.add(ch);
                            ch.pipeline().addLast("limit", limit);
                            ch.pipeline().addLast("hj212", hj212);
                        }
                    })
                    .bind(new InetSocketAddress(settings.bindAddress(), envhub.hj212Port()))
                    .syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new IllegalStateException("HJ 212 gateway: cannot listen on " + settings.bindAddress() + ":"
                    + envhub.hj212Port() + ": " + e.getMessage(), e);
        }
        running = true;
        log.info("HJ 212 gateway listening on {}:{} (idle timeout {}, at most {} connections, auto-register {})",
                settings.bindAddress(), port(), settings.idleTimeout(), settings.maxConnections(), settings.autoRegister());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        server.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        shutdownGroups();
        if (sink instanceof SmartLifecycle l) {
            l.stop();
        }
        log.info("HJ 212 gateway stopped: {} frames received, {} accepted, {} rejected by the codec{}", stats.received(), stats.accepted(),
                stats.rejected(), sink instanceof FrameWriter w ? "; writer: " + w.counters() : "");
    }

    private void shutdownGroups() {
        if (boss != null) {
            boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The TCP port really listened on (the configured one, or the one chosen for port 0); -1 when not running. */
    public int port() {
        Channel s = server;
        return s != null && s.localAddress() instanceof InetSocketAddress a ? a.getPort() : -1;
    }

    /** The codec's counters since start: frames received, accepted, rejected, deviations. */
    public Hj212Stats stats() {
        return stats;
    }

    /** Device connections open now. */
    public int openConnections() {
        return limit.open();
    }

    /** Connections closed at once because the maximum was reached. */
    public long refusedConnections() {
        return limit.refused();
    }
}
