package org.envhub.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.envhub.hj212.Deviation;
import org.envhub.hj212.Hj212Check;
import org.envhub.hj212.Hj212Parser;
import org.envhub.hj212.Hj212Stats;
import org.envhub.hj212.RawFrame;
import org.envhub.hj212.RejectReason;
import org.envhub.hj212.RejectedFrame;

/**
 * Cuts HJ 212 frames out of a TCP byte stream, by their declared length, on raw bytes.
 *
 * <p>Emits a {@link RawFrame} for each frame whose length and check value hold, and a {@link RejectedFrame}
 * (never an exception) for anything else that starts with {@code ##}. The rules, chosen so that the result
 * does not depend on how TCP chunks the stream:
 *
 * <ol>
 *   <li>Bytes before {@code ##} are skipped (CR LF silently, anything else counted as garbage). In a run of
 *       {@code #}, the frame starts at the last two.</li>
 *   <li>A frame needs {@code ##} + 4 digits + that many data bytes + 4 check characters. When they are all
 *       there, the check value holds (HJ 212's value; Modbus CRC-16 or lower-case hex as deviations) and the
 *       data holds no CR LF and no {@code ##dddd} (it would be a corrupted length reaching into the next
 *       frames), the frame is taken at once, without waiting for its CR LF, so a device that waits for an
 *       answer is not kept waiting.</li>
 *   <li>Otherwise the frame is bad, and it ends at the next CR LF or {@code ##} after its start: bytes lost
 *       in transit shorten a frame, and its declared length would swallow the start of the next one. The
 *       next frame is then read from there, intact. A frame whose data already shows a CR LF before its
 *       declared end is known bad at once, so a length corrupted upwards is rejected as soon as the frame's
 *       own CR LF arrives, not when later frames have filled the window.</li>
 *   <li>A bad frame whose check value holds over its real bytes, and whose declared length is the number of
 *       CHARACTERS of its (GBK or UTF-8) text, is taken with {@link Deviation#LENGTH_IN_CHARACTERS}: some
 *       devices count characters.</li>
 *   <li>Nothing waits beyond the cap: the decoder never holds more than {@code maxDataLength + 12} bytes of
 *       one frame; a frame running past that is rejected with its first bytes ({@code truncated}), and the
 *       end of a bad frame is looked for only within the cap, whatever the last read brought.</li>
 *   <li>When the stream ends, whatever is left from a {@code ##} on is reported as rejected.</li>
 * </ol>
 *
 * <p>Not sharable: it holds the state of one stream.
 */
public class Hj212FrameDecoder extends ByteToMessageDecoder {

    /** The largest data segment a 4-digit length can declare; the default cap. */
    public static final int DEFAULT_MAX_DATA_LENGTH = 9999;
    /** The standard's limit; longer frames are taken with {@link Deviation#OVERSIZE_FRAME}. */
    public static final int STANDARD_MAX_DATA_LENGTH = 1024;

    private static final int HEAD = RawFrame.HEADER_BYTES;
    private static final int CHECK = RawFrame.CHECK_BYTES;

    private final int maxDataLength;
    private final int maxFrameBytes;
    private final Hj212Stats stats;

    // State of the frame that starts at the reader index, once it is known to be bad. Offsets are relative
    // to the reader index, because ByteToMessageDecoder may move bytes when it discards read ones.
    private RejectReason bad;
    private int declared;
    private int scanFrom;

    /**
     * @param maxDataLength the largest data segment taken (the cap); real frames exceed 1024 bytes, so the
     *                      default is the protocol's own maximum, 9999
     * @param stats         where garbage bytes are counted; may be null
     */
    public Hj212FrameDecoder(int maxDataLength, Hj212Stats stats) {
        if (maxDataLength < 1 || maxDataLength > DEFAULT_MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("maxDataLength must be 1..9999: " + maxDataLength);
        }
        this.maxDataLength = maxDataLength;
        this.maxFrameBytes = maxDataLength + HEAD + CHECK + 2;
        this.stats = stats;
    }

    public Hj212FrameDecoder() {
        this(DEFAULT_MAX_DATA_LENGTH, null);
    }

    /** The most bytes this decoder holds for one unfinished frame. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            Object frame = next(in);
            if (frame != null) {
                out.add(frame);
            }
        } catch (RuntimeException e) {
            // Defensive only: no input is known to get here. Report, drop one byte and resynchronise,
            // so that the same bytes cannot fail forever.
            reset();
            int n = Math.min(in.readableBytes(), 64);
            byte[] head = new byte[n];
            in.getBytes(in.readerIndex(), head);
            if (in.isReadable()) {
                in.skipBytes(1);
            }
            out.add(new RejectedFrame(head, RejectReason.DECODER_ERROR, String.valueOf(e), true, Set.of()));
        }
    }

    /** At the end of the stream the frame in progress ends too: it is reported, not dropped. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int before = out.size();
            int readable = in.readableBytes();
            decode(ctx, in, out);
            if (out.size() != before || in.readableBytes() != readable) {
                continue;
            }
            int s = in.readerIndex();
            if (in.readableBytes() < 2 || in.getByte(s) != '#') {
                discardAsGarbage(in, s, in.writerIndex()); // a lone '#'
                return;
            }
            if (bad == null) {
                // Waiting for a window that will not come: the frame is short. It ends at its first CR LF
                // or ##, if there is one, and the frames after it are still read.
                int len = lengthField(in, s);
                bad = len < 0 || in.readableBytes() < HEAD ? RejectReason.BAD_LENGTH_FIELD : RejectReason.LENGTH_MISMATCH;
                declared = len;
                scanFrom = bad == RejectReason.BAD_LENGTH_FIELD ? 2 : HEAD;
                continue;
            }
            out.add(finish(in, in.readableBytes()));
        }
    }

    private Object next(ByteBuf in) {
        if (!skipToFrameStart(in)) {
            return null;
        }
        int s = in.readerIndex();
        int avail = in.readableBytes();
        if (bad == null) {
            for (int i = 2; i < HEAD; i++) {
                if (i >= avail) {
                    return null;
                }
                byte c = in.getByte(s + i);
                if (c < '0' || c > '9') {
                    bad = RejectReason.BAD_LENGTH_FIELD;
                    scanFrom = 2;
                    break;
                }
            }
            if (bad == null) {
                int len = lengthField(in, s);
                if (len > maxDataLength) {
                    bad = RejectReason.FRAME_TOO_LONG;
                    declared = len;
                    scanFrom = HEAD;
                } else {
                    int total = HEAD + len + CHECK;
                    if (avail < total) {
                        // Decided early when the data already holds a frame break: the window can never be
                        // valid then, whatever comes. So a length corrupted upwards is rejected as soon as
                        // the frame's own CR LF arrives, instead of holding the next frames back.
                        if (!breakInPartialData(in, s, avail, len)) {
                            return null;
                        }
                    } else {
                        byte[] frame = new byte[total];
                        in.getBytes(s, frame);
                        Hj212Check.Match m = Hj212Check.verify(frame, HEAD, len, HEAD + len);
                        if (m.valid() && !containsFrameBreak(frame, HEAD, len)) {
                            in.skipBytes(total);
                            return RawFrame.of(frame, len, deviations(m, len));
                        }
                    }
                    bad = RejectReason.LENGTH_MISMATCH; // CHECK_MISMATCH if it ends where declared
                    declared = len;
                    scanFrom = HEAD;
                }
            }
        }
        // Only within the cap: whether the end is found must not depend on how much the last read brought.
        int end = findEnd(in, s + scanFrom, s + Math.min(avail, maxFrameBytes));
        if (end < 0) {
            // Resume after what was searched; the last byte may be the first of a CR LF or a ##.
            scanFrom = Math.max(scanFrom, avail - 1);
            if (avail >= maxFrameBytes) {
                return truncated(in);
            }
            return null;
        }
        return finish(in, end - s);
    }

    /** Finishes the bad frame at the reader index, which is {@code end} bytes long. */
    private Object finish(ByteBuf in, int end) {
        int s = in.readerIndex();
        byte[] raw = new byte[end];
        in.getBytes(s, raw);
        in.skipBytes(end);
        RejectReason reason = bad;
        int len = declared;
        reset();
        String detail;
        switch (reason) {
            case BAD_LENGTH_FIELD -> detail = "no 4-digit length after ##: '"
                    + printable(raw, 2, Math.min(raw.length, HEAD)) + "'";
            case FRAME_TOO_LONG -> detail = "declared data length " + len + " is over the cap of " + maxDataLength;
            default -> {
                int actual = end - HEAD - CHECK;
                if (actual == len) {
                    Hj212Check.Match m = Hj212Check.verify(raw, HEAD, len, HEAD + len);
                    reason = RejectReason.CHECK_MISMATCH;
                    detail = m == Hj212Check.Match.NOT_HEX
                            ? "check field '" + printable(raw, HEAD + len, end) + "' is not 4 hex digits"
                            : "check value " + printable(raw, HEAD + len, end) + " sent, "
                            + Hj212Check.toHex(Hj212Check.compute(raw, HEAD, len)) + " computed";
                } else {
                    if (actual > len) {
                        Hj212Check.Match m = Hj212Check.verify(raw, HEAD, actual, HEAD + actual);
                        if (m.valid() && characterCount(raw, HEAD, actual) == len) {
                            Set<Deviation> ds = deviations(m, actual);
                            ds.add(Deviation.LENGTH_IN_CHARACTERS);
                            return RawFrame.of(raw, len, ds);
                        }
                    }
                    detail = actual < 0
                            ? "declared " + len + " data bytes, but the frame ends after " + (end - HEAD) + " bytes"
                            : "declared " + len + " data bytes, but the frame ends after " + actual;
                }
            }
        }
        return new RejectedFrame(raw, reason, detail, false, Set.of());
    }

    /** The frame at the reader index ran past the cap: report its first bytes, skip them. */
    private RejectedFrame truncated(ByteBuf in) {
        byte[] raw = new byte[maxFrameBytes];
        in.getBytes(in.readerIndex(), raw);
        in.skipBytes(maxFrameBytes);
        RejectReason reason = bad == RejectReason.BAD_LENGTH_FIELD || bad == RejectReason.FRAME_TOO_LONG
                ? bad : RejectReason.LENGTH_MISMATCH;
        int len = declared;
        reset();
        String detail = switch (reason) {
            case BAD_LENGTH_FIELD -> "no 4-digit length after ##, and no frame end within " + maxFrameBytes + " bytes";
            case FRAME_TOO_LONG -> "declared data length " + len + " is over the cap of " + maxDataLength;
            default -> "declared " + len + " data bytes, and no frame end within " + maxFrameBytes + " bytes";
        };
        return new RejectedFrame(raw, reason, detail, true, Set.of());
    }

    private void reset() {
        bad = null;
        declared = 0;
        scanFrom = 0;
    }

    private static Set<Deviation> deviations(Hj212Check.Match m, int dataLength) {
        Set<Deviation> ds = switch (m) {
            case STANDARD -> EnumSet.noneOf(Deviation.class);
            case STANDARD_LOWER_CASE -> EnumSet.of(Deviation.LOWERCASE_CHECK);
            case MODBUS -> EnumSet.of(Deviation.MODBUS_CRC);
            case MODBUS_LOWER_CASE -> EnumSet.of(Deviation.MODBUS_CRC, Deviation.LOWERCASE_CHECK);
            default -> throw new IllegalStateException("not a valid check: " + m);
        };
        if (dataLength > STANDARD_MAX_DATA_LENGTH) {
            ds.add(Deviation.OVERSIZE_FRAME);
        }
        return ds;
    }

    /**
     * Whether a data segment holds a CR LF or something that starts a frame ({@code ##} and 4 digits). A real
     * data segment never does; a window that does is a corrupted length reaching into the next frames whose
     * last 4 bytes happen to pass the check (1 in 256 for hex-looking bytes), and must not swallow them.
     */
    private static boolean containsFrameBreak(byte[] b, int off, int len) {
        for (int i = off, end = off + len - 1; i < end; i++) {
            byte c = b[i];
            if (c == '\r' && b[i + 1] == '\n') {
                return true;
            }
            if (c == '#' && b[i + 1] == '#' && i + 5 < off + len && isDigit(b[i + 2]) && isDigit(b[i + 3])
                    && isDigit(b[i + 4]) && isDigit(b[i + 5])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same test as {@link #containsFrameBreak} on the part of the data that has arrived: only breaks that
     * lie wholly inside the declared data count, so the answer is the one the full window would give.
     */
    private boolean breakInPartialData(ByteBuf in, int s, int avail, int len) {
        int dataEnd = HEAD + len;
        int from = Math.max(HEAD, scanFrom);
        for (int i = from; i + 1 < avail && i + 1 < dataEnd; i++) {
            byte c = in.getByte(s + i);
            if (c == '\r' && in.getByte(s + i + 1) == '\n') {
                return true;
            }
            if (c == '#' && i + 5 < avail && i + 5 < dataEnd && in.getByte(s + i + 1) == '#'
                    && isDigit(in.getByte(s + i + 2)) && isDigit(in.getByte(s + i + 3))
                    && isDigit(in.getByte(s + i + 4)) && isDigit(in.getByte(s + i + 5))) {
                return true;
            }
        }
        // resume where a break could still begin once more bytes come
        scanFrom = Math.max(HEAD, Math.min(avail, dataEnd) - 5);
        return false;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthField(ByteBuf in, int s) {
        int len = 0;
        for (int i = 2; i < HEAD && s + i < in.writerIndex(); i++) {
            byte c = in.getByte(s + i);
            if (c < '0' || c > '9') {
                return -1;
            }
            len = len * 10 + (c - '0');
        }
        return len;
    }

    /**
     * Moves the reader index to the next frame start: {@code ##} followed by something other than '#'.
     * Returns false, having dropped what cannot start a frame, when none is complete yet.
     */
    private boolean skipToFrameStart(ByteBuf in) {
        int r = in.readerIndex();
        int w = in.writerIndex();
        if (w - r >= 3 && in.getByte(r) == '#' && in.getByte(r + 1) == '#' && in.getByte(r + 2) != '#') {
            return true; // the common case: the frame starts right here
        }
        int i = r;
        while (true) {
            int h = in.indexOf(i, w, (byte) '#');
            if (h < 0) {
                discardAsGarbage(in, r, w);
                return false;
            }
            if (h + 1 >= w) {
                discardAsGarbage(in, r, h);
                return false;
            }
            if (in.getByte(h + 1) != '#') {
                i = h + 1;
                continue;
            }
            int j = h + 2;
            while (j < w && in.getByte(j) == '#') {
                j++;
            }
            if (j >= w) {
                discardAsGarbage(in, r, w - 2);
                return false;
            }
            discardAsGarbage(in, r, j - 2);
            return true;
        }
    }

    private void discardAsGarbage(ByteBuf in, int from, int to) {
        if (to <= from) {
            return;
        }
        if (stats != null) {
            int garbage = 0;
            for (int i = from; i < to; i++) {
                byte c = in.getByte(i);
                if (c != '\r' && c != '\n') {
                    garbage++;
                }
            }
            if (garbage > 0) {
                stats.garbage(garbage);
            }
        }
        in.readerIndex(to);
    }

    /** The index of the next CR LF or {@code ##} in {@code [from, to)}, or -1. */
    private static int findEnd(ByteBuf in, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            byte c = in.getByte(i);
            if (c == '\r' && in.getByte(i + 1) == '\n' || c == '#' && in.getByte(i + 1) == '#') {
                return i;
            }
        }
        return -1;
    }

    private static int characterCount(byte[] b, int off, int len) {
        java.nio.charset.Charset cs = Hj212Parser.detectCharsetOf(b, off, len);
        return new String(b, off, len, cs).length();
    }

    private static String printable(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to && i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }
}
