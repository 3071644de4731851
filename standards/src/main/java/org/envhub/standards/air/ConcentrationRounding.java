package org.envhub.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GB/T 8170 rounding (round half to even) of a concentration to the decimals the standard keeps:
 * integers for SO2, NO2, O3, PM10 and PM2.5, one decimal for CO.
 */
public final class ConcentrationRounding {

    private static final double[] SCALES = {1, 10, 100, 1000};

    private ConcentrationRounding() {}

    public static double round(Pollutant pollutant, double c) {
        return round(c, pollutant.reportedDecimals());
    }

    /**
     * Rounds half to even at {@code decimals}. A value that looks like a tie in binary (35.5, 0.25)
     * is decided on its shortest decimal form, so 0.35 rounds to 0.4 as a person writing it expects.
     */
    public static double round(double c, int decimals) {
        if (Double.isNaN(c) || Double.isInfinite(c)) {
            return c;
        }
        double scale = decimals < SCALES.length ? SCALES[decimals] : Math.pow(10, decimals);
        double scaled = c * scale;
        double fraction = scaled - Math.floor(scaled);
        if (Math.abs(fraction - 0.5) > 1e-9) {
            return Math.rint(scaled) / scale;
        }
        return new BigDecimal(Double.toString(c)).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
