package org.envhub.hj212;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parses the data segment of a {@link RawFrame} into an {@link InboundPacket}, or a {@link RejectedFrame}
 * when it cannot be used (or, in strict mode, when it deviates). Never throws on input.
 *
 * <p>Thread-safe and stateless apart from its options; no regex. It runs on the gateway's hot path (a
 * million frames a second per core is the aim), so it reads the structure of the packet from bytes: for
 * ASCII text (nearly all traffic) the frame's own bytes, and a String is made only for each value, code
 * and unknown key. Text in UTF-8 or GBK is decoded first, as before, and its structure read from a copy
 * in which every non-ASCII character is one byte 0x80: the separators are all ASCII, so the items found
 * are the same, and every value is cut from the decoded text.
 */
public final class Hj212Parser {

    public static final Charset GBK = Charset.forName("GBK");

    private static final int QN = 0;
    private static final int ST = 1;
    private static final int CN = 2;
    private static final int PW = 3;
    private static final int MN = 4;
    private static final int FLAG = 5;
    private static final int PNUM = 6;
    private static final int PNO = 7;

    private static final byte NON_ASCII = (byte) 0x80;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ParserOptions options;

    public Hj212Parser(ParserOptions options) {
        this.options = options;
    }

    public Hj212Parser() {
        this(ParserOptions.lenient());
    }

    public ParserOptions options() {
        return options;
    }

    /**
     * The data segment being read: {@code b[from, to)} holds its structure, one byte per character (the frame
     * itself for ASCII text; for UTF-8 or GBK a mirror of the decoded text with non-ASCII characters as 0x80),
     * and text is cut from the String of the segment.
     */
    private static final class Text {
        final byte[] b;
        final int from;
        final int to;
        final String text;  // the segment: b[from] is text.charAt(0)
        final boolean ascii;

        Text(byte[] b, int from, int to, String text, boolean ascii) {
            this.b = b;
            this.from = from;
            this.to = to;
            this.text = text;
            this.ascii = ascii;
        }

        String cut(int start, int end) {
            return text.substring(start - from, end - from);
        }

        /**
         * A factor code. The same few hundred codes come in every frame, so ASCII codes are shared through a
         * small table (a racy cache of immutable Strings: a lost update only costs a String).
         */
        String code(int start, int end) {
            int n = end - start;
            if (!ascii || n > 16) {
                return cut(start, end);
            }
            int h = 0;
            for (int k = start; k < end; k++) {
                h = 31 * h + b[k];
            }
            int slot = (h ^ h >>> 7) & (CODES.length - 1);
            String cached = CODES[slot];
            if (cached != null && cached.length() == n) {
                int k = 0;
                while (k < n && cached.charAt(k) == b[start + k]) {
                    k++;
                }
                if (k == n) {
                    return cached;
                }
            }
            String code = cut(start, end);
            CODES[slot] = code;
            return code;
        }

        /** A one-character value; flags and small values ("N", "0", "1") share a String. */
        String one(int at) {
            byte c = b[at];
            return c >= 0 ? ONE_CHAR[c] : cut(at, at + 1);
        }

        /** Whether {@code [start, end)} and {@code [otherStart, otherEnd)} hold the same characters. */
        boolean same(int start, int end, int otherStart, int otherEnd) {
            int n = end - start;
            if (n != otherEnd - otherStart) {
                return false;
            }
            if (!ascii) {
                return text.regionMatches(start - from, text, otherStart - from, n);
            }
            for (int k = 0; k < n; k++) {
                if (b[start + k] != b[otherStart + k]) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code [start, end)} is the ASCII {@code key}: non-ASCII characters (0x80 here) never match. */
        boolean is(int start, int end, byte[] key) {
            int n = end - start;
            if (n != key.length) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                if (b[start + k] != key[k]) {
                    return false;
                }
            }
            return true;
        }

        int indexOf(byte c, int start, int end) {
            for (int i = start; i < end; i++) {
                if (b[i] == c) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final byte[] DATA_TIME = Cp.DATA_TIME.getBytes(StandardCharsets.US_ASCII);
    /** Factor codes seen lately, shared by all parsers (see {@link Text#code}). */
    private static final String[] CODES = new String[1024];

    /** Parses one frame; the result is an {@link InboundPacket} or a {@link RejectedFrame}. */
    public Hj212Inbound parse(RawFrame frame) {
        byte[] raw = frame.array();
        int off = RawFrame.HEADER_BYTES;
        int len = frame.dataLength();
        Charset cs = detectCharset(raw, off, len);
        if (options.charset() != null && cs != StandardCharsets.ISO_8859_1) {
            cs = options.charset();
        }
        Text t;
        String d = new String(raw, off, len, cs);
        if (cs == StandardCharsets.ISO_8859_1) {
            t = new Text(raw, off, off + len, d, true);
        } else {
            byte[] shape = new byte[d.length()];
            for (int i = 0; i < shape.length; i++) {
                char c = d.charAt(i);
                shape[i] = c < 0x80 ? (byte) c : NON_ASCII;
            }
            t = new Text(shape, 0, shape.length, d, false);
        }
        byte[] b = t.b;
        Deviations dev = new Deviations();
        dev.addAll(frame.deviations());

        int cpAt = indexOfCp(b, t.from, t.to);
        if (cpAt < 0) {
            return reject(frame, RejectReason.MALFORMED_PACKET, "no CP=&&", dev);
        }
        if (cpAt > t.from && b[cpAt - 1] != ';') {
            dev.add(Deviation.MALFORMED_ITEM);
        }

        // --- header ---------------------------------------------------------------------------------
        String[] h = new String[8];
        LinkedHashMap<String, String> extras = null;
        int i = t.from;
        while (i < cpAt) {
            int semi = t.indexOf((byte) ';', i, cpAt);
            if (semi < 0) {
                semi = cpAt;
            }
            if (semi == i) {
                dev.add(Deviation.EMPTY_ITEM);
                i = semi + 1;
                continue;
            }
            int eq = t.indexOf((byte) '=', i, semi);
            if (eq < 0 || eq == i) {
                dev.add(Deviation.MALFORMED_ITEM);
                i = semi + 1;
                continue;
            }
            String value = t.cut(eq + 1, semi);
            int slot = headerSlot(b, i, eq);
            if (slot >= 0) {
                if (h[slot] == null) {
                    h[slot] = value;
                } else {
                    dev.add(h[slot].equals(value) ? Deviation.REPEATED_KEY : Deviation.CONFLICTING_KEY);
                }
            } else {
                dev.add(Deviation.UNKNOWN_HEADER_FIELD);
                String key = t.cut(i, eq);
                if (extras == null) {
                    extras = new LinkedHashMap<>(4);
                }
                String old = extras.putIfAbsent(key, value);
                if (old != null) {
                    dev.add(old.equals(value) ? Deviation.REPEATED_KEY : Deviation.CONFLICTING_KEY);
                }
            }
            i = semi + 1;
        }

        String cn = h[CN];
        if (cn == null) {
            return reject(frame, RejectReason.MALFORMED_PACKET, "no CN", dev);
        }
        if (cn.length() != 4 || !Hj212Text.allDigits(cn)) {
            return reject(frame, RejectReason.MALFORMED_PACKET, "CN is not 4 digits: '" + cn + "'", dev);
        }
        String mn = h[MN];
        if (mn == null || mn.isEmpty()) {
            return reject(frame, RejectReason.MALFORMED_PACKET, "no MN", dev);
        }
        if (!CommandCodes.standard(cn)) {
            dev.add(Deviation.NON_STANDARD_CN);
        }
        String qn = h[QN];
        if (qn == null) {
            dev.add(Deviation.MISSING_QN);
        } else if (qn.length() != 17 || !Hj212Text.allDigits(qn)) {
            dev.add(Deviation.BAD_QN);
        }
        String st = h[ST];
        if (st == null) {
            dev.add(Deviation.MISSING_ST);
        } else if (blank(st)) {
            dev.add(Deviation.BLANK_ST);
            st = null;
        } else if (st.length() != 2 || !Hj212Text.allDigits(st)) {
            dev.add(Deviation.BAD_ST);
        }
        if (h[PW] == null) {
            dev.add(Deviation.MISSING_PW);
        }
        PacketFlag flag = null;
        if (h[FLAG] == null) {
            dev.add(Deviation.MISSING_FLAG);
        } else {
            int f = smallInt(h[FLAG], 255);
            if (f < 0) {
                dev.add(Deviation.BAD_FLAG);
            } else {
                flag = new PacketFlag(f);
                if (flag.version() > 2) {
                    dev.add(Deviation.UNKNOWN_VERSION);
                }
            }
        }
        Integer pnum = null;
        Integer pno = null;
        if (h[PNUM] != null || h[PNO] != null) {
            int n = h[PNUM] == null ? -1 : smallInt(h[PNUM], 9999);
            int k = h[PNO] == null ? -1 : smallInt(h[PNO], 9999);
            if (n < 1 || k < 1 || k > n) {
                dev.add(Deviation.BAD_PACKET_NUMBER);
            } else {
                pnum = n;
                pno = k;
            }
        }
        if (flag != null && flag.split() != (pnum != null) || flag == null && pnum != null) {
            dev.add(Deviation.SPLIT_FLAG_MISMATCH);
        }

        // --- CP ------------------------------------------------------------------------------------------
        int cpFrom = cpAt + 5;
        int cpEnd = lastIndexOfEnd(b, t.from, t.to);
        if (cpEnd < cpFrom) {
            dev.add(Deviation.CP_UNTERMINATED);
            cpEnd = t.to;
        } else if (cpEnd + 2 != t.to) {
            dev.add(Deviation.TRAILING_DATA);
        }
        Cp.Assembler cp = new Cp.Assembler(dev);
        readCpItems(t, cpFrom, cpEnd, cp, dev);
        if (CommandCodes.needsDataTime(cn) && !cp.hasParam(Cp.DATA_TIME)) {
            dev.add(Deviation.MISSING_DATATIME);
        }

        Hj212Packet packet = new Hj212Packet(qn, st, cn, h[PW], mn, flag, pnum, pno, extras, cp.build());
        Set<Deviation> refused = options.refused(dev.asSet());
        if (!refused.isEmpty()) {
            return new RejectedFrame(raw, RejectReason.STRICT_MODE, "strict mode refuses " + refused, false,
                    dev.asSet());
        }
        return new InboundPacket(packet, List.of(frame), dev.asSet(), cs);
    }

    /**
     * Reads {@code key=value} items separated by ';' (between factor groups) and ',' (inside a group).
     * Both separators are accepted everywhere, as devices mix them.
     */
    private static void readCpItems(Text t, int from, int to, Cp.Assembler cp, Deviations dev) {
        if (from >= to) {
            return;
        }
        byte[] b = t.b;
        String lastCode = null;
        boolean lastZs = false;
        String prevCode = null; // codes come in runs (02-Rtd, 02-Flag): reuse the String
        int prevFrom = 0;
        int prevTo = 0;
        int pos = from;
        while (pos <= to) {
            int sep = pos;
            int eq = -1;
            while (sep < to) {
                byte c = b[sep];
                if (c == ';' || c == ',') {
                    break;
                }
                if (c == '=' && eq < 0) {
                    eq = sep;
                }
                sep++;
            }
            if (sep == pos) {
                dev.add(Deviation.EMPTY_ITEM);
            } else if (eq < 0 || eq == pos) {
                dev.add(Deviation.MALFORMED_ITEM);
            } else {
                String value = sep - eq == 2 ? t.one(eq + 1) : t.cut(eq + 1, sep);
                if (value.isEmpty()) {
                    dev.add(Deviation.EMPTY_VALUE);
                }
                int dash = eq - 1;
                while (dash > pos && b[dash] != '-') {
                    dash--;
                }
                if (dash > pos && dash < eq - 1) {
                    String code = prevCode != null && t.same(pos, dash, prevFrom, prevTo) ? prevCode : t.code(pos, dash);
                    prevCode = code;
                    prevFrom = pos;
                    prevTo = dash;
                    FactorField f = FactorField.byKey(b, dash + 1, eq);
                    if (f == null) {
                        dev.add(Deviation.NON_STANDARD_FIELD);
                        cp.extra(code, t.cut(dash + 1, eq), value);
                    } else {
                        if (!f.standard()) {
                            dev.add(Deviation.NON_STANDARD_FIELD);
                        }
                        if (f.numeric() && sep > eq + 1 && !Hj212Text.isDecimal(b, eq + 1, sep)) {
                            dev.add(Deviation.NON_NUMERIC_VALUE);
                        }
                        cp.field(code, f, value, lastZs && (code == lastCode || code.equals(lastCode)));
                        if (f != FactorField.FLAG) {
                            lastCode = code;
                            lastZs = f.converted();
                        }
                    }
                } else if (t.is(pos, eq, DATA_TIME)) {
                    if (value.length() == 17) {
                        dev.add(Deviation.DATATIME_17_DIGITS);
                    }
                    LocalDateTime time = Cp.parseTime(value);
                    if (time == null) {
                        dev.add(Deviation.BAD_DATATIME);
                    }
                    if (cp.param(Cp.DATA_TIME, value, false)) {
                        cp.dataTime(time);
                    }
                } else {
                    cp.param(t.cut(pos, eq), value, false);
                }
            }
            if (sep < to && b[sep] == ';') {
                lastCode = null;
                lastZs = false;
            }
            if (sep >= to) {
                break;
            }
            pos = sep + 1;
            if (pos == to) {
                // a separator right before the closing && (e.g. "…N;&&")
                dev.add(Deviation.EMPTY_ITEM);
                break;
            }
        }
    }

    /** The first {@code CP=&&} in {@code b[from, to)}, or -1. */
    private static int indexOfCp(byte[] b, int from, int to) {
        for (int i = from; i + 4 < to; i++) {
            if (b[i] == 'C' && b[i + 1] == 'P' && b[i + 2] == '=' && b[i + 3] == '&' && b[i + 4] == '&') {
                return i;
            }
        }
        return -1;
    }

    /** The last {@code &&} in {@code b[from, to)}, or -1. */
    private static int lastIndexOfEnd(byte[] b, int from, int to) {
        for (int i = to - 2; i >= from; i--) {
            if (b[i] == '&' && b[i + 1] == '&') {
                return i;
            }
        }
        return -1;
    }

    /** The slot of a standard header key {@code b[from, to)}, or -1. */
    private static int headerSlot(byte[] b, int from, int to) {
        byte a = b[from];
        switch (to - from) {
            case 2 -> {
                byte c = b[from + 1];
                if (c == 'N') {
                    return a == 'Q' ? QN : a == 'C' ? CN : a == 'M' ? MN : -1;
                }
                return a == 'S' && c == 'T' ? ST : a == 'P' && c == 'W' ? PW : -1;
            }
            case 3 -> {
                return a == 'P' && b[from + 1] == 'N' && b[from + 2] == 'O' ? PNO : -1;
            }
            case 4 -> {
                if (a == 'F') {
                    return b[from + 1] == 'l' && b[from + 2] == 'a' && b[from + 3] == 'g' ? FLAG : -1;
                }
                return a == 'P' && b[from + 1] == 'N' && b[from + 2] == 'U' && b[from + 3] == 'M' ? PNUM : -1;
            }
            default -> {
                return -1;
            }
        }
    }


    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    private static boolean blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\0') {
                return false;
            }
        }
        return true;
    }

    /** A decimal integer 0..max, or -1. */
    private static int smallInt(String s, int max) {
        if (s.isEmpty() || s.length() > 6) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= max ? v : -1;
    }

    private static RejectedFrame reject(RawFrame frame, RejectReason reason, String detail, Deviations dev) {
        return new RejectedFrame(frame.array(), reason, detail, false, dev.asSet());
    }

    /**
     * ISO-8859-1 for pure ASCII (the common case, and the cheapest String); UTF-8 when the bytes are valid
     * UTF-8; GBK otherwise. GBK text is rarely valid UTF-8, so the order is safe.
     */
    public static Charset detectCharsetOf(byte[] b, int off, int len) {
        return detectCharset(b, off, len);
    }

    static Charset detectCharset(byte[] b, int off, int len) {
        // eight bytes at a time: a non-ASCII byte has its top bit set
        int i = off;
        int end = off + len;
        long high = 0;
        for (; i + 7 < end; i += 8) {
            high |= (long) LONGS.get(b, i);
        }
        for (; i < end; i++) {
            high |= b[i];
        }
        if ((high & 0x8080808080808080L) == 0) {
            return StandardCharsets.ISO_8859_1;
        }
        return validUtf8(b, off, len) ? StandardCharsets.UTF_8 : GBK;
    }

    private static boolean validUtf8(byte[] b, int off, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
