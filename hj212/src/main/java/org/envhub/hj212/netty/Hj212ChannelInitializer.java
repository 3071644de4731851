package org.envhub.hj212.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.ParserOptions;

/**
 * The server pipeline for HJ 212 data loggers:
 *
 * <pre>
 * [idleState → idle] → framer → parser → stats → split → encoder (outbound) → app → guard
 * </pre>
 *
 * <p>The application handler receives {@link org.envhub.hj212.Hj212Inbound} messages (packets, rejected
 * frames, incomplete split packets) and writes {@link org.envhub.hj212.Hj212Packet} answers, which the
 * encoder frames. Answers are never sent automatically: see {@link org.envhub.hj212.Hj212Replies}. The
 * guard at the end keeps every exception inside the pipeline.
 *
 * <pre>{@code
 * Hj212ChannelInitializer init = Hj212ChannelInitializer.builder(MyIngestHandler::new)
 *         .stats(stats).readerIdle(Duration.ofMinutes(5)).build();
 * new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class).childHandler(init);
 * }</pre>
 */
@ChannelHandler.Sharable
public class Hj212ChannelInitializer extends ChannelInitializer<Channel> {

    private final Supplier<? extends ChannelHandler> application;
    private final Hj212Stats stats;
    private final int maxDataLength;
    private final Duration splitTimeout;
    private final int maxPendingSplits;
    private final int maxSplitPieces;
    private final Duration readerIdle;
    // stateless handlers, shared by all channels
    private final Hj212PacketDecoder parser;
    private final Hj212StatsHandler statsHandler;
    private final Hj212Encoder encoder;
    private final Hj212IdleHandler idleHandler;
    private final Hj212ExceptionGuard guard;

    private Hj212ChannelInitializer(Builder b) {
        this.application = b.application;
        this.stats = b.stats;
        this.maxDataLength = b.maxDataLength;
        this.splitTimeout = b.splitTimeout;
        this.maxPendingSplits = b.maxPendingSplits;
        this.maxSplitPieces = b.maxSplitPieces;
        this.readerIdle = b.readerIdle;
        this.parser = new Hj212PacketDecoder(b.parserOptions);
        this.statsHandler = new Hj212StatsHandler(stats);
        this.encoder = new Hj212Encoder(b.charset);
        this.idleHandler = new Hj212IdleHandler(stats, b.onIdle);
        this.guard = new Hj212ExceptionGuard(stats);
    }

    /** @param application makes the application handler of each new connection (may return a shared one) */
    public static Builder builder(Supplier<? extends ChannelHandler> application) {
        return new Builder(application);
    }

    public Hj212Stats stats() {
        return stats;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (!readerIdle.isZero()) {
            p.addLast("idleState", new IdleStateHandler(readerIdle.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
            p.addLast("idle", idleHandler);
        }
        p.addLast("framer", new Hj212FrameDecoder(maxDataLength, stats));
        p.addLast("parser", parser);
        p.addLast("stats", statsHandler);
        p.addLast("split", new SplitPacketAggregator(splitTimeout, maxPendingSplits, maxSplitPieces, stats));
        p.addLast("encoder", encoder);
        p.addLast("app", application.get());
        p.addLast("guard", guard);
    }

    public static final class Builder {
        private final Supplier<? extends ChannelHandler> application;
        private Hj212Stats stats = new Hj212Stats();
        private int maxDataLength = Hj212FrameDecoder.DEFAULT_MAX_DATA_LENGTH;
        private ParserOptions parserOptions = ParserOptions.lenient();
        private Duration splitTimeout = SplitPacketAggregator.DEFAULT_TIMEOUT;
        private int maxPendingSplits = SplitPacketAggregator.DEFAULT_MAX_PENDING;
        private int maxSplitPieces = SplitPacketAggregator.DEFAULT_MAX_PIECES;
        private Duration readerIdle = Duration.ZERO;
        private BiConsumer<ChannelHandlerContext, IdleStateEvent> onIdle = Hj212IdleHandler.CLOSE;
        private Charset charset = StandardCharsets.UTF_8;

        private Builder(Supplier<? extends ChannelHandler> application) {
            this.application = Objects.requireNonNull(application, "application");
        }

        public Builder stats(Hj212Stats v) {
            stats = Objects.requireNonNull(v);
            return this;
        }

        /** The frame size cap (largest data segment); default 9999, the protocol's maximum. */
        public Builder maxDataLength(int v) {
            maxDataLength = v;
            return this;
        }

        public Builder parserOptions(ParserOptions v) {
            parserOptions = Objects.requireNonNull(v);
            return this;
        }

        public Builder splitTimeout(Duration v) {
            splitTimeout = Objects.requireNonNull(v);
            return this;
        }

        public Builder maxPendingSplits(int v) {
            maxPendingSplits = v;
            return this;
        }

        public Builder maxSplitPieces(int v) {
            maxSplitPieces = v;
            return this;
        }

        /** Reader idle time after which {@link #onIdle} runs; zero (the default) for none. */
        public Builder readerIdle(Duration v) {
            readerIdle = Objects.requireNonNull(v);
            return this;
        }

        /** What to do on an idle event; default {@link Hj212IdleHandler#CLOSE}. */
        public Builder onIdle(BiConsumer<ChannelHandlerContext, IdleStateEvent> v) {
            onIdle = Objects.requireNonNull(v);
            return this;
        }

        /** Charset of outgoing packets with Chinese text; default UTF-8. */
        public Builder charset(Charset v) {
            charset = Objects.requireNonNull(v);
            return this;
        }

        public Hj212ChannelInitializer build() {
            // fail here, at start-up, rather than in every connection's initChannel
            new Hj212FrameDecoder(maxDataLength, null);
            new SplitPacketAggregator(splitTimeout, maxPendingSplits, maxSplitPieces, null);
            if (readerIdle.isNegative()) {
                throw new IllegalArgumentException("readerIdle must not be negative");
            }
            return new Hj212ChannelInitializer(this);
        }
    }
}
