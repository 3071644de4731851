package org.envhub.hj212;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes packets as frames: {@code ##} + 4-digit byte length + data segment + check value + CR LF.
 * Used by the Netty encoder, the simulator and the tests.
 *
 * <p>The length and the check value are computed over the encoded BYTES, so Chinese text gives the same
 * frame a device would send in that charset.
 */
public final class Hj212Writer {

    /** The largest data segment a 4-digit length can declare. */
    public static final int MAX_DATA_LENGTH = 9999;

    private static final byte[] CRLF = {'\r', '\n'};

    private Hj212Writer() {
    }

    /**
     * The data segment in standard order: QN ST CN PW MN Flag PNUM PNO, extras, then CP with parameters
     * first and one {@code ;}-group per factor occurrence ({@code code-Field=v,code-Field=v}).
     *
     * @throws IllegalArgumentException when a key or value contains a separator ({@code ; , = &}) and so
     *                                  could not be read back
     */
    public static String dataSegment(Hj212Packet p) {
        StringBuilder sb = new StringBuilder(128);
        item(sb, "QN", p.qn());
        item(sb, "ST", p.st());
        item(sb, "CN", p.cn());
        item(sb, "PW", p.pw());
        item(sb, "MN", p.mn());
        item(sb, "Flag", p.flag() == null ? null : Integer.toString(p.flag().value()));
        item(sb, "PNUM", p.pnum() == null ? null : p.pnum().toString());
        item(sb, "PNO", p.pno() == null ? null : p.pno().toString());
        for (Map.Entry<String, String> e : p.headerExtras().entrySet()) {
            item(sb, e.getKey(), e.getValue());
        }
        sb.append("CP=&&");
        appendCp(sb, p.cp());
        sb.append("&&");
        return sb.toString();
    }

    private static void item(StringBuilder sb, String key, String value) {
        if (value != null) {
            sb.append(key).append('=').append(checked(value)).append(';');
        }
    }

    static void appendCp(StringBuilder sb, Cp cp) {
        boolean first = true;
        for (Map.Entry<String, String> e : cp.params().entrySet()) {
            if (!first) {
                sb.append(';');
            }
            first = false;
            sb.append(checked(e.getKey())).append('=').append(checked(e.getValue()));
        }
        for (Factor f : cp.factors()) {
            if (!first) {
                sb.append(';');
            }
            first = false;
            boolean firstField = true;
            for (Map.Entry<FactorField, String> e : f.values().entrySet()) {
                if (!firstField) {
                    sb.append(',');
                }
                firstField = false;
                sb.append(checked(f.code())).append('-').append(e.getKey().key()).append('=').append(checked(e.getValue()));
            }
            for (Map.Entry<String, String> e : f.extras().entrySet()) {
                if (!firstField) {
                    sb.append(',');
                }
                firstField = false;
                sb.append(checked(f.code())).append('-').append(checked(e.getKey())).append('=')
                        .append(checked(e.getValue()));
            }
        }
    }

    private static String checked(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ';' || c == ',' || c == '=' || c == '&' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("separator '" + c + "' inside '" + s + "'");
            }
        }
        return s;
    }

    /** The whole frame for a packet, text in {@code charset}, CR LF included. */
    public static byte[] encode(Hj212Packet p, Charset charset) {
        return frame(dataSegment(p).getBytes(charset));
    }

    /** The whole frame for a packet whose text is ASCII or UTF-8. */
    public static byte[] encode(Hj212Packet p) {
        return encode(p, StandardCharsets.UTF_8);
    }

    /** Wraps a data segment: {@code ##} + length + data + check value + CR LF. */
    public static byte[] frame(byte[] data) {
        if (data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("data segment of " + data.length + " bytes: over 9999");
        }
        byte[] out = new byte[data.length + 12];
        out[0] = '#';
        out[1] = '#';
        int n = data.length;
        out[2] = (byte) ('0' + n / 1000);
        out[3] = (byte) ('0' + n / 100 % 10);
        out[4] = (byte) ('0' + n / 10 % 10);
        out[5] = (byte) ('0' + n % 10);
        System.arraycopy(data, 0, out, 6, n);
        Hj212Check.writeHex(Hj212Check.compute(data), out, 6 + n);
        out[n + 10] = CRLF[0];
        out[n + 11] = CRLF[1];
        return out;
    }
}
