package org.envhub.platform.sources.gateway;

import java.math.BigDecimal;

/**
 * Makes text from the wire fit its column: control characters (PostgreSQL refuses NUL in text; real
 * loggers send {@code ST=\0\0}) become '?', and over-long values are cut. A value that does not fit must
 * never make a whole batch fail.
 */
final class Columns {

    private Columns() {}

    static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        int n = Math.min(s.length(), max);
        StringBuilder b = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || Character.isSurrogate(c);
            if (bad && b == null) {
                b = new StringBuilder(n).append(s, 0, i);
            }
            if (b != null) {
                b.append(bad ? '?' : c);
            }
        }
        return b != null ? b.toString() : n == s.length() ? s : s.substring(0, n);
    }

    /** A decimal as a double, or null when absent or beyond what a double holds. */
    static Double number(BigDecimal v) {
        if (v == null) {
            return null;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? d : null;
    }
}
