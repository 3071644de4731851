package org.envhub.hj212.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.envhub.hj212.Frames;
import org.envhub.hj212.Hj212Inbound;
import org.envhub.hj212.Hj212Replies;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.RejectedFrame;
import org.envhub.hj212.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server pipeline: no exception escapes, idle hooks, and the real traffic over a loopback TCP server. */
class PipelineTest {

    private static final byte[] GOOD = Frames.frame(
            "QN=20240101120000000;ST=32;CN=2011;PW=123456;MN=MN0001;Flag=5;CP=&&DataTime=20240101120000;w01018-Rtd=44.3&&");

    @Test
    void anExceptionInTheApplicationIsCountedAndTheConnectionKept() {
        Hj212Stats stats = new Hj212Stats();
        AtomicInteger seen = new AtomicInteger();
        ChannelHandler failing = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (seen.incrementAndGet() == 1) {
                    throw new IllegalStateException("the database is down");
                }
            }
        };
        EmbeddedChannel ch = new EmbeddedChannel(Hj212ChannelInitializer.builder(() -> failing).stats(stats).build());
        ch.writeInbound(Unpooled.wrappedBuffer(GOOD));
        ch.writeInbound(Unpooled.wrappedBuffer(GOOD));
        ch.checkException(); // nothing reached the end of the pipeline
        assertThat(ch.isActive()).isTrue();
        assertThat(seen.get()).isEqualTo(2);
        assertThat(stats.exceptions()).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(2);
    }

    @Test
    void badSettingsFailAtBuildTime() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hj212ChannelInitializer
                .builder(TestSupport.Collector::new).maxDataLength(10_000).build())
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hj212ChannelInitializer
                .builder(TestSupport.Collector::new).splitTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdleConnectionIsClosedByDefault() {
        Hj212Stats stats = new Hj212Stats();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(Hj212ChannelInitializer.builder(TestSupport.Collector::new).stats(stats)
                .readerIdle(Duration.ofSeconds(60)).build());
        ch.advanceTimeBy(59, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(stats.snapshot().idleEvents()).isEqualTo(1);
    }

    @Test
    void theIdleHookCanDoSomethingElse() {
        Hj212Stats stats = new Hj212Stats();
        AtomicInteger hooked = new AtomicInteger();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(Hj212ChannelInitializer.builder(TestSupport.Collector::new).stats(stats)
                .readerIdle(Duration.ofSeconds(10)).onIdle((ctx, e) -> hooked.incrementAndGet()).build());
        ch.advanceTimeBy(11, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(hooked.get()).isEqualTo(1);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    @Timeout(120)
    void theRealTrafficOverALoopbackTcpServerInRandomChunksWithAnswers() throws Exception {
        byte[] all = TestSupport.traffic();
        List<byte[]> lines = TestSupport.lines(all);
        Hj212Stats stats = new Hj212Stats();
        List<Hj212Inbound> received = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(lines.size());
        // the application: "commits" (collects), then answers what the A bit asks for
        ChannelHandler app = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                Hj212Inbound in = (Hj212Inbound) msg;
                received.add(in);
                if (in instanceof InboundPacket p) {
                    Hj212Replies.answerFor(p.packet()).ifPresent(ctx::writeAndFlush);
                }
                done.countDown();
            }
        };
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(Hj212ChannelInitializer.builder(() -> app).stats(stats).build())
                    .bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setTcpNoDelay(true);
                Thread reader = Thread.ofVirtual().start(() -> {
                    try (InputStream in = s.getInputStream()) {
                        in.transferTo(answers);
                    } catch (Exception ignored) {
                        // the socket closes at the end of the test
                    }
                });
                OutputStream out = s.getOutputStream();
                Random rnd = new Random(212);
                for (int off = 0; off < all.length; ) {
                    int n = Math.min(all.length - off, 1 + rnd.nextInt(4096));
                    out.write(all, off, n);
                    out.flush();
                    off += n;
                }
                assertThat(done.await(100, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(200); // let the last answers reach the client
                s.shutdownOutput();
                reader.join(5000);
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        assertThat(received).hasSize(lines.size());
        int packets = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean intact = TestSupport.intact(lines.get(i));
            Hj212Inbound in = received.get(i);
            if (intact) {
                assertThat(((InboundPacket) in).frame().contentEquals(lines.get(i))).isTrue();
                packets++;
            } else {
                assertThat(((RejectedFrame) in).contentEquals(lines.get(i))).isTrue();
            }
        }
        assertThat(packets).isEqualTo(18_082);
        assertThat(stats.snapshot().exceptions()).isZero();
        // every answer the client got is a well-formed 9011 or 9014, one per packet that asked
        long asked = received.stream().filter(r -> r instanceof InboundPacket p && p.packet().answerWanted()
                && Hj212Replies.answerFor(p.packet()).isPresent()).count();
        List<Object> replies = Frames.decode(answers.toByteArray());
        assertThat(replies).hasSize((int) asked);
        assertThat(replies).allSatisfy(r -> assertThat(((InboundPacket) r).packet().cn()).isIn("9011", "9014"));
        assertThat(asked).isEqualTo(166);
    }
}
