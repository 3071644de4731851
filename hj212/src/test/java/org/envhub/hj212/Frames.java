package org.envhub.hj212;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.envhub.hj212.netty.Hj212FrameDecoder;
import org.envhub.hj212.netty.Hj212PacketDecoder;

/** Test helpers to build frames from data segments and decode byte streams. */
public final class Frames {

    private Frames() {
    }

    /** A correct frame (length, rulebook check, CR LF) around an ASCII/UTF-8 data segment. */
    public static byte[] frame(String data) {
        return Hj212Writer.frame(data.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] frame(String data, Charset cs) {
        return Hj212Writer.frame(data.getBytes(cs));
    }

    /** A frame with an arbitrary check field and declared length. */
    public static byte[] frame(byte[] data, int declared, String check) {
        byte[] head = String.format("##%04d", declared).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (check + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return concat(head, data, tail);
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Frames and parses a byte stream in one write, then closes it; returns every output. */
    public static List<Object> decode(byte[] stream, ParserOptions options) {
        return decode(stream, options, Hj212FrameDecoder.DEFAULT_MAX_DATA_LENGTH, new Hj212Stats());
    }

    public static List<Object> decode(byte[] stream) {
        return decode(stream, ParserOptions.lenient());
    }

    public static List<Object> decode(byte[] stream, ParserOptions options, int maxDataLength, Hj212Stats stats) {
        EmbeddedChannel ch = new EmbeddedChannel(new Hj212FrameDecoder(maxDataLength, stats),
                new Hj212PacketDecoder(options));
        ch.writeInbound(Unpooled.wrappedBuffer(stream));
        ch.finish();
        List<Object> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add(o);
        }
        return out;
    }

    /** Decodes a stream expected to hold exactly one output. */
    public static Object decodeOne(byte[] stream, ParserOptions options) {
        List<Object> out = decode(stream, options);
        if (out.size() != 1) {
            throw new AssertionError("expected one output, got " + out);
        }
        return out.get(0);
    }
}
