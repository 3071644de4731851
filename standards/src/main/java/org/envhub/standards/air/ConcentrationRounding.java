package org.envhub.standards.air;

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
     * Rounds half to even at {@code decimals}. A value within 1e-9 of a tie is a tie: binary floating
     * point holds neither 0.35 nor a computed mean such as 10.8 / 24 (0.44999999999999996) exactly,
     * and both are meant as the decimal ties 0.35 and 0.45, which GB/T 8170 sends to the even digit.
     */
    public static double round(double c, int decimals) {
        if (Double.isNaN(c) || Double.isInfinite(c)) {
            return c;
        }
        double scale = decimals < SCALES.length ? SCALES[decimals] : Math.pow(10, decimals);
        double scaled = c * scale;
        double lower = Math.floor(scaled);
        double fraction = scaled - lower;
        if (Math.abs(fraction - 0.5) > 1e-9) {
            return Math.rint(scaled) / scale;
        }
        double even = lower % 2 == 0 ? lower : lower + 1;
        return even / scale;
    }
}
