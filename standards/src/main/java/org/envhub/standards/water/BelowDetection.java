package org.envhub.standards.water;

/**
 * What a value below the detection limit (未检出) counts as. Laboratories write it as the limit followed
 * by {@code L} ({@code 0.004L}) or as {@code <0.004}. The rulebook is silent; the default follows the
 * common statistical practice of counting half the detection limit.
 */
public enum BelowDetection {
    /** Default: half the detection limit (0.004L counts as 0.002). */
    HALF_LIMIT,
    /** The detection limit itself, the cautious reading. */
    LIMIT,
    /** Zero. */
    ZERO;

    /** The value to use for a reading below {@code limit}. */
    public double valueFor(double limit) {
        return switch (this) {
            case HALF_LIMIT -> limit / 2;
            case LIMIT -> limit;
            case ZERO -> 0;
        };
    }

    /** {@code half-limit}, {@code limit} or {@code zero}, any case, {@code _} for {@code -}. */
    public static BelowDetection parse(String text) {
        return switch (text.trim().toLowerCase().replace('_', '-')) {
            case "half-limit", "half" -> HALF_LIMIT;
            case "limit" -> LIMIT;
            case "zero", "0" -> ZERO;
            default -> throw new IllegalArgumentException("'" + text + "' is not half-limit, limit or zero");
        };
    }
}
