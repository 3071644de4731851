package org.envhub.hj212;

import java.nio.charset.StandardCharsets;

/** Small text helpers shared by the codec. */
final class Hj212Text {
    private Hj212Text() {
    }

    /** The bytes as ASCII, non-printable ones as \xNN, cut at {@code max} characters: for logs and reasons. */
    static String printable(byte[] b, int max) {
        StringBuilder sb = new StringBuilder(Math.min(b.length, max) + 8);
        for (int i = 0; i < b.length; i++) {
            if (sb.length() >= max) {
                sb.append("…(").append(b.length).append(" bytes)");
                break;
            }
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }

    static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A decimal number as BigDecimal reads it: sign, digits with at most one point, optional exponent. */
    static boolean isDecimal(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // a character beyond Latin-1 becomes '?': no digit
        return isDecimal(b, 0, b.length);
    }

    /** A decimal number on {@code b[from, to)}: sign, digits with at most one point, optional exponent; a non-ASCII byte is no digit. */
    static boolean isDecimal(byte[] b, int from, int to) {
        int i = from;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        boolean digits = false;
        boolean point = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!digits) {
            return false;
        }
        if (i == to) {
            return true;
        }
        if (b[i] != 'e' && b[i] != 'E') {
            return false;
        }
        i++;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i == to) {
            return false;
        }
        for (; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
