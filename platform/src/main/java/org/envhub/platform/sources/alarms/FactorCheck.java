package org.envhub.platform.sources.alarms;

/**
 * The data checks of one factor (监测因子) at a monitoring point: the instrument's range (量程), whether a zero
 * or negative value while the source runs is an alarm, and the jump thresholds (突变) against the previous
 * value of the same data kind.
 *
 * @param factor    HJ 212-2017 code (2005 codes are translated)
 * @param rangeLow  lowest value the instrument measures; null: no lower bound
 * @param rangeHigh highest value the instrument measures; null: no upper bound
 * @param zeroCheck a zero or negative value while running raises an alarm
 * @param jumpRatio a value at least this many times the previous one, or at most its 1/ratio, is a jump (both
 *                  positive); null: not checked
 * @param jumpStep  a change of at least this much over the previous value is a jump; null: not checked
 * @param stuckCount identical real-time values in a row that make a stuck-value alarm (数据恒值); 0: not checked
 * @param source    {@code point} when set for the monitoring point, {@code default} when from the settings
 */
public record FactorCheck(String factor, Double rangeLow, Double rangeHigh, boolean zeroCheck, Double jumpRatio, Double jumpStep,
                          int stuckCount, String source) {

    public FactorCheck {
        if (rangeLow != null && rangeHigh != null && rangeLow > rangeHigh) {
            throw new IllegalArgumentException("rangeLow (" + rangeLow + ") is above rangeHigh (" + rangeHigh + ")");
        }
        if (jumpRatio != null && !(jumpRatio > 1) || jumpRatio != null && jumpRatio.isInfinite()) {
            throw new IllegalArgumentException("jumpRatio: a number above 1 (e.g. 10: ten times the previous value), got " + jumpRatio);
        }
        if (jumpStep != null && !(jumpStep > 0) || jumpStep != null && jumpStep.isInfinite()) {
            throw new IllegalArgumentException("jumpStep: a positive number, got " + jumpStep);
        }
        if (stuckCount == 1 || stuckCount < 0) {
            throw new IllegalArgumentException("stuckCount: 2 or more identical values in a row, or 0 for no check; got " + stuckCount);
        }
    }

    public boolean outOfRange(double v) {
        return rangeLow != null && v < rangeLow || rangeHigh != null && v > rangeHigh;
    }

    /** Whether going from {@code previous} to {@code v} is a jump. */
    public boolean jump(double previous, double v) {
        if (jumpStep != null && Math.abs(v - previous) >= jumpStep) {
            return true;
        }
        return jumpRatio != null && previous > 0 && v > 0 && Math.max(v, previous) / Math.min(v, previous) >= jumpRatio;
    }
}
