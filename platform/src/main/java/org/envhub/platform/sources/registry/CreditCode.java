package org.envhub.platform.sources.registry;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31 of
 * {@link #CHARS} (no I, O, Z, S, V), the last a check character over the first 17.
 */
public final class CreditCode {

    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** The code upper-cased and trimmed, or an error saying what is wrong with it. */
    public static String check(String code) {
        String c = code.trim().toUpperCase();
        if (c.length() != 18) {
            throw new IllegalArgumentException("creditCode: 18 characters (统一社会信用代码), got " + c.length() + " in '" + code + "'");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(c.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("creditCode: '" + c.charAt(i) + "' at position " + (i + 1) + " is not one of " + CHARS);
            }
            sum += v * WEIGHTS[i];
        }
        char expected = CHARS.charAt((31 - sum % 31) % 31);
        if (c.charAt(17) != expected) {
            throw new IllegalArgumentException("creditCode: check character of '" + c + "' should be " + expected + ", not " + c.charAt(17));
        }
        return c;
    }
}
