package org.envhub.platform.sources.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends captured traffic to a gateway over one connection, as it was captured (every byte, corrupted frames
 * included), in chunks of random size when asked, and counts the answers that come back.
 */
public final class Replay {

    /** @param bytes sent, frames the number of CR LF lines sent, answers the answer lines received */
    public record Result(long bytes, long frames, long answers, double seconds) {}

    private final String host;
    private final int port;
    private final int minChunk;
    private final int maxChunk;
    private final long seed;
    private final int quietMillis;

    /**
     * @param minChunk,maxChunk sizes of the writes (0, 0: everything in one write per file)
     * @param quietMillis       after the last byte, how long to wait for answers after the last one came
     */
    public Replay(String host, int port, int minChunk, int maxChunk, long seed, int quietMillis) {
        if (minChunk < 0 || maxChunk < minChunk) {
            throw new IllegalArgumentException("chunk sizes: 0 <= min <= max, got " + minChunk + ".." + maxChunk);
        }
        this.host = host;
        this.port = port;
        this.minChunk = minChunk;
        this.maxChunk = maxChunk;
        this.seed = seed;
        this.quietMillis = quietMillis;
    }

    public Result send(byte[]... captures) throws IOException {
        long started = System.nanoTime();
        AtomicLong answers = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(System.nanoTime());
        long bytes = 0;
        long frames = 0;
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            Thread reader = Thread.ofVirtual().start(() -> countAnswers(socket, answers, lastAnswer));
            OutputStream out = socket.getOutputStream();
            SplittableRandom random = new SplittableRandom(seed);
            for (byte[] capture : captures) {
                frames += TrafficFiles.lines(capture).size();
                int at = 0;
                while (at < capture.length) {
                    int n = maxChunk == 0 ? capture.length - at : Math.min(capture.length - at, random.nextInt(minChunk, maxChunk + 1));
                    out.write(capture, at, Math.max(n, 1));
                    at += Math.max(n, 1);
                }
                bytes += capture.length;
            }
            out.flush();
            lastAnswer.set(System.nanoTime());
            while (System.nanoTime() - lastAnswer.get() < quietMillis * 1_000_000L && reader.isAlive()) {
                sleep(50);
            }
            socket.shutdownOutput();
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(bytes, frames, answers.get(), (System.nanoTime() - started) / 1e9);
    }

    private static void countAnswers(Socket socket, AtomicLong answers, AtomicLong last) {
        try {
            socket.setSoTimeout(200);
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            int prev = -1;
            while (!socket.isClosed()) {
                int b;
                try {
                    b = in.read();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (b < 0) {
                    return;
                }
                if (prev == '\r' && b == '\n') {
                    answers.incrementAndGet();
                    last.set(System.nanoTime());
                }
                prev = b;
            }
        } catch (IOException closed) {
            // the connection ended: nothing more to count
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
