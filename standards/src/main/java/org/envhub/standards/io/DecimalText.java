package org.envhub.standards.io;

/** Checks and constants for reading decimal numbers written in data files. */
final class DecimalText {

    /** Exact powers of ten: an integer below 2^53 divided by one of them is rounded once, as {@link Double#parseDouble} rounds. */
    static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DecimalText() {}

    /**
     * Whether {@code t} is a plain decimal number ({@code 12}, {@code -0.5}, {@code .5}, {@code 1e2}):
     * what {@link Double#parseDouble} accepts minus its extras ({@code NaN}, {@code 1d}, hex).
     */
    static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else if ((c == 'e' || c == 'E') && digits > 0) {
                return isExponent(t, i + 1);
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    private static boolean isExponent(String t, int i) {
        int n = t.length();
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        for (; i < n; i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
