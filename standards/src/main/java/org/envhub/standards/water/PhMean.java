package org.envhub.standards.water;

/**
 * The mean of pH values (pH 均值), taken through the hydrogen-ion concentration as the 2020 statistics
 * rule requires: pH is a logarithm, so the mean of pH 6 and 8 is not 7 but
 * −log10((10⁻⁶ + 10⁻⁸)/2) = 6.30; the acid sample weighs more, as its H⁺ does.
 */
public final class PhMean {

    private PhMean() {}

    /** The mean through H⁺ of the values that are not NaN; NaN if there are none. Not rounded. */
    public static double of(double... ph) {
        double sum = 0;
        int n = 0;
        for (double p : ph) {
            if (!Double.isNaN(p)) {
                sum += Math.pow(10, -p);
                n++;
            }
        }
        return n == 0 ? Double.NaN : -Math.log10(sum / n);
    }
}
