/**
 * Surface water (地表水): GB 3838-2002 table 1, judged by the 2011 evaluation method, the 2017 city
 * ranking rule (CWQI) and the 2020 statistics rule (rounding, the pH mean), under the rule set
 * {@code gb3838-2002} ({@link org.envhub.standards.water.WaterRuleSet}), whose id every result carries.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.envhub.standards.water.WaterEvaluation#of} — one sample or mean: rounded, item classes,
 *       class, main pollutants, CWQI;</li>
 *   <li>{@link org.envhub.standards.water.PeriodEvaluation#of} — a section over a period;</li>
 *   <li>{@link org.envhub.standards.water.WaterReport#compute} — sections and cities over a period, with
 *       attainment, good-water ratio, rating, CWQI, rank and change (what {@code envhub water report} prints);</li>
 *   <li>{@link org.envhub.standards.water.WaterSampleReader}, {@link org.envhub.standards.water.WaterSectionListReader}
 *       — the CSV inputs;</li>
 *   <li>{@link org.envhub.standards.water.SingleFactorEvaluation}, {@link org.envhub.standards.water.MainPollutants},
 *       {@link org.envhub.standards.water.Cwqi}, {@link org.envhub.standards.water.RiverRating},
 *       {@link org.envhub.standards.water.GoodWaterRatio}, {@link org.envhub.standards.water.TargetAttainment},
 *       {@link org.envhub.standards.water.WaterRounding}, {@link org.envhub.standards.water.PhMean} — the steps on
 *       their own.</li>
 * </ul>
 *
 * <p>Choices where the rulebook is silent, each a named option with this default (see
 * {@code docs/water-rules.md}):
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>question</th><th>default</th><th>option</th></tr>
 *   <tr><td>decimals of items the rulebook does not list</td><td>COD 1, BOD5 1, TN 2, Cu 3, Zn 3, F 3, Se 4,
 *       As 4, Cd 5, Cr6+ 3, Pb 3, CN 3, phenol 4, petroleum 2, LAS 2, sulfide 3, fecal coliform 0</td>
 *       <td>{@code WaterRounding.withDecimals}</td></tr>
 *   <tr><td>pH decimals</td><td>2 (5.9 stays 劣Ⅴ)</td><td>{@code withDecimals(PH, 0)}</td></tr>
 *   <tr><td>rounded or full values against the limits</td><td>rounded (修约值比较)</td><td>{@code WaterRounding.NONE}</td></tr>
 *   <tr><td>CWQI with items missing</td><td>sum over those present, count shown</td><td>{@code CwqiMissingItems.NOT_COMPUTED}</td></tr>
 *   <tr><td>CWQI decimals (published, ranked)</td><td>4</td><td>{@code WaterOptions.withCwqiDecimals}</td></tr>
 *   <tr><td>pH and DO among main pollutants of their class</td><td>after the items with a multiple</td>
 *       <td>{@code MainPollutantOptions.withPhAndDoFirst}</td></tr>
 *   <tr><td>cyanide and heavy metals first</td><td>off</td><td>{@code MainPollutantOptions.withToxicFirst}</td></tr>
 *   <tr><td>multiple decimals as written</td><td>2</td><td>{@code MainPollutantOptions.withMultipleDecimals}</td></tr>
 *   <tr><td>values below the detection limit</td><td>half the limit</td><td>{@link org.envhub.standards.water.BelowDetection}</td></tr>
 *   <tr><td>mean of fecal coliform</td><td>arithmetic</td><td>—</td></tr>
 *   <tr><td>a city's rating</td><td>the river and basin rule over its sections</td><td>—</td></tr>
 *   <tr><td>river-rating mean of mixed rivers and lakes</td><td>river TP limits unless every section is a lake or reservoir</td><td>—</td></tr>
 * </table>
 */
package org.envhub.standards.water;
