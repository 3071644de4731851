package org.envhub.hj212;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The parser as first written (String-based, no tricks), kept as the reference the optimised
 * {@link Hj212Parser} must agree with on every input: {@code ParserAgreementTest}.
 */
final class ReferenceParser {

    static final Charset GBK = Hj212Parser.GBK;

    private static final int QN = 0;
    private static final int ST = 1;
    private static final int CN = 2;
    private static final int PW = 3;
    private static final int MN = 4;
    private static final int FLAG = 5;
    private static final int PNUM = 6;
    private static final int PNO = 7;

    private final ParserOptions options;

    ReferenceParser(ParserOptions options) {
        this.options = options;
    }

    ReferenceParser() {
        this(ParserOptions.lenient());
    }

    public ParserOptions options() {
        return options;
    }

    /** Parses one frame; the result is an {@link InboundPacket} or a {@link RejectedFrame}. */
    public Hj212Inbound parse(RawFrame frame) {
        byte[] raw = frame.array();
        int off = RawFrame.HEADER_BYTES;
        int len = frame.dataLength();
        Charset cs = detectCharset(raw, off, len);
        if (options.charset() != null && cs != StandardCharsets.ISO_8859_1) {
            cs = options.charset();
        }
        String d = cs == StandardCharsets.ISO_8859_1 ? new String(raw, off, len, cs) : decode(raw, off, len, cs);
        Deviations dev = new Deviations();
        dev.addAll(frame.deviations());

        int cpAt = d.indexOf("CP=&&");
        if (cpAt < 0) {
            return reject(frame, RejectReason.MALFORMED_PACKET, "no CP=&&", dev);
        }
        if (cpAt > 0 && d.charAt(cpAt - 1) != ';') {
            dev.add(Deviation.MALFORMED_ITEM);
        }

        // --- header ---------------------------------------------------------------------------------
        String[] h = new String[8];
        LinkedHashMap<String, String> extras = null;
        int i = 0;
        while (i < cpAt) {
            int semi = d.indexOf(';', i);
            if (semi < 0 || semi > cpAt) {
                semi = cpAt;
            }
            if (semi == i) {
                dev.add(Deviation.EMPTY_ITEM);
                i = semi + 1;
                continue;
            }
            int eq = d.indexOf('=', i);
            if (eq < 0 || eq >= semi || eq == i) {
                dev.add(Deviation.MALFORMED_ITEM);
                i = semi + 1;
                continue;
            }
            String key = d.substring(i, eq);
            String value = d.substring(eq + 1, semi);
            int slot = switch (key) {
                case "QN" -> QN;
                case "ST" -> ST;
                case "CN" -> CN;
                case "PW" -> PW;
                case "MN" -> MN;
                case "Flag" -> FLAG;
                case "PNUM" -> PNUM;
                case "PNO" -> PNO;
                default -> -1;
            };
            if (slot >= 0) {
                if (h[slot] == null) {
                    h[slot] = value;
                } else {
                    dev.add(h[slot].equals(value) ? Deviation.REPEATED_KEY : Deviation.CONFLICTING_KEY);
                }
            } else {
                dev.add(Deviation.UNKNOWN_HEADER_FIELD);
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
        int b = cpAt + 5;
        int cpEnd = d.lastIndexOf("&&");
        if (cpEnd < b) {
            dev.add(Deviation.CP_UNTERMINATED);
            cpEnd = d.length();
        } else if (cpEnd + 2 != d.length()) {
            dev.add(Deviation.TRAILING_DATA);
        }
        Cp.Assembler cp = new Cp.Assembler(dev);
        readCpItems(d, b, cpEnd, cp, dev);
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
    static void readCpItems(String d, int from, int to, Cp.Assembler cp, Deviations dev) {
        if (from >= to) {
            return;
        }
        String lastCode = null;
        boolean lastZs = false;
        String prevCode = null; // codes come in runs (02-Rtd, 02-Flag): reuse the String
        int pos = from;
        while (pos <= to) {
            int sep = pos;
            while (sep < to) {
                char c = d.charAt(sep);
                if (c == ';' || c == ',') {
                    break;
                }
                sep++;
            }
            if (sep == pos) {
                dev.add(Deviation.EMPTY_ITEM);
            } else {
                int eq = d.indexOf('=', pos);
                if (eq < 0 || eq >= sep || eq == pos) {
                    dev.add(Deviation.MALFORMED_ITEM);
                } else {
                    String value = sep - eq == 2 ? oneChar(d.charAt(eq + 1)) : d.substring(eq + 1, sep);
                    if (value.isEmpty()) {
                        dev.add(Deviation.EMPTY_VALUE);
                    }
                    int dash = eq - 1;
                    while (dash > pos && d.charAt(dash) != '-') {
                        dash--;
                    }
                    if (dash > pos && dash < eq - 1) {
                        String code = prevCode != null && prevCode.length() == dash - pos
                                && d.regionMatches(pos, prevCode, 0, dash - pos) ? prevCode : d.substring(pos, dash);
                        prevCode = code;
                        FactorField f = FactorField.byKey(d.substring(dash + 1, eq));
                        if (f == null) {
                            dev.add(Deviation.NON_STANDARD_FIELD);
                            cp.extra(code, d.substring(dash + 1, eq), value);
                        } else {
                            if (!f.standard()) {
                                dev.add(Deviation.NON_STANDARD_FIELD);
                            }
                            if (f.numeric() && !value.isEmpty() && !Hj212Text.isDecimal(value)) {
                                dev.add(Deviation.NON_NUMERIC_VALUE);
                            }
                            cp.field(code, f, value, lastZs && code.equals(lastCode));
                            if (f != FactorField.FLAG) {
                                lastCode = code;
                                lastZs = f.converted();
                            }
                        }
                    } else {
                        String key = d.substring(pos, eq);
                        if (key.equals(Cp.DATA_TIME)) {
                            if (value.length() == 17) {
                                dev.add(Deviation.DATATIME_17_DIGITS);
                            }
                            if (Cp.parseTime(value) == null) {
                                dev.add(Deviation.BAD_DATATIME);
                            }
                        }
                        cp.param(key, value, false);
                    }
                }
            }
            if (sep < to && d.charAt(sep) == ';') {
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

    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    /** Flags and small values ("N", "0", "1") are one character: share the String. */
    private static String oneChar(char c) {
        return c < 128 ? ONE_CHAR[c] : String.valueOf(c);
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
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                return validUtf8(b, off, len) ? StandardCharsets.UTF_8 : GBK;
            }
        }
        return StandardCharsets.ISO_8859_1;
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

    private static String decode(byte[] b, int off, int len, Charset cs) {
        return new String(b, off, len, cs);
    }
}
