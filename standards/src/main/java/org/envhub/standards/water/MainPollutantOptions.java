package org.envhub.standards.water;

/**
 * Choices in naming the main pollutants where the rulebook is silent.
 *
 * @param phAndDoFirst     pH and DO have no exceedance multiple, so the tie-break cannot place them
 *                         among items of their class. Default false: after the items of the same class
 *                         that have a multiple; true: before them.
 * @param toxicFirst       the 2011 evaluation method, as commonly quoted, lists cyanide and heavy metals
 *                         ({@link WaterItem#toxic()}) first whenever they exceed class III. The rulebook
 *                         does not say so; default false (only class, then multiple).
 * @param multipleDecimals decimals of the multiple as written ({@code NH3-N(0.52)}); default 2. The
 *                         2011 method's own example writes one ({@code 高锰酸盐指数(1.2)}).
 */
public record MainPollutantOptions(boolean phAndDoFirst, boolean toxicFirst, int multipleDecimals) {

    private static final MainPollutantOptions DEFAULTS = new MainPollutantOptions(false, false, 2);

    public MainPollutantOptions {
        if (multipleDecimals < 0 || multipleDecimals > 6) {
            throw new IllegalArgumentException("multiple decimals must be 0..6: " + multipleDecimals);
        }
    }

    public static MainPollutantOptions defaults() { return DEFAULTS; }

    public MainPollutantOptions withPhAndDoFirst(boolean v) { return new MainPollutantOptions(v, toxicFirst, multipleDecimals); }

    public MainPollutantOptions withToxicFirst(boolean v) { return new MainPollutantOptions(phAndDoFirst, v, multipleDecimals); }

    public MainPollutantOptions withMultipleDecimals(int v) { return new MainPollutantOptions(phAndDoFirst, toxicFirst, v); }
}
