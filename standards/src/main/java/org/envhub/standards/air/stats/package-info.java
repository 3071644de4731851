/**
 * Air-quality statistics and assessment (HJ 663, GB 3095, the 2018 city ranking rule): from an hourly
 * grid to daily statistics, daily AQI, period statistics, attainment, city values, good-day ratio,
 * heavy-pollution days, the composite index, rankings and change rates.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.envhub.standards.air.stats.AirReport#compute} — stations or cities over a period,
 *       all indicators and the rank in one call (what the command line uses);</li>
 *   <li>{@link org.envhub.standards.air.stats.DailyStatistics#compute(org.envhub.standards.air.HourlyGrid,
 *       org.envhub.standards.air.stats.DailyOptions)} — hourly → daily;</li>
 *   <li>{@link org.envhub.standards.air.stats.DailyAqi#compute}, {@link org.envhub.standards.air.stats.CityAggregation},
 *       {@link org.envhub.standards.air.stats.PeriodStatistics#compute}, {@link org.envhub.standards.air.stats.Attainment#evaluate},
 *       {@link org.envhub.standards.air.stats.CompositeIndex#of}, {@link org.envhub.standards.air.stats.Ranking},
 *       {@link org.envhub.standards.air.stats.ChangeRate} — the steps on their own.</li>
 * </ul>
 *
 * <p>Choices where the rulebook is silent or [OPEN], each a named option with this default:
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>question</th><th>default</th><th>option</th></tr>
 *   <tr><td>O3 daily max 1h validity (silent)</td><td>≥ 20 valid hours, or fewer if the max exceeds the
 *       1h limit 200</td><td>{@code DailyOptions.withO3MaxHour}</td></tr>
 *   <tr><td>MDA8 windows under HJ 663-2026 [OPEN]</td><td>{@code WITHIN_DAY}: 14 of the 17 windows ending
 *       at hours 8..24, as in 2013</td><td>{@code DailyOptions.withMda8Window2026(REACHING_BACK)}: 20 of the
 *       24 windows ending at hours 1..24</td></tr>
 *   <tr><td>a month's own minimum [OPEN]</td><td>27 valid days, February 25</td>
 *       <td>{@code PeriodOptions.withMonthOwnMinimum}</td></tr>
 *   <tr><td>quarters and custom ranges (silent)</td><td>each whole calendar month inside needs its
 *       monthly minimum</td><td>{@code PeriodOptions.withMonthMinimumInOtherPeriods}</td></tr>
 *   <tr><td>GB 3095 version judging a period</td><td>the one in force on the period's last day</td>
 *       <td>{@code ReportOptions.withJudgedBy}, {@code Attainment.evaluate(stats, standard, comparison)}</td></tr>
 *   <tr><td>statistic vs limit</td><td>rounded value (修约值比较法)</td><td>{@code LimitComparison.FULL_VALUE}</td></tr>
 *   <tr><td>city MDA8 [OPEN]</td><td>mean of station MDA8s</td><td>{@code CityMda8Source.CITY_HOURLY}</td></tr>
 *   <tr><td>composite index limits after 2026 [OPEN]</td><td>GB 3095-2012 (2018 rule)</td>
 *       <td>{@code CompositeOptions.withLimits}</td></tr>
 *   <tr><td>composite weighting [OPEN]</td><td>equal (2018 rule)</td>
 *       <td>{@code CompositeWeighting.PM25_3_NO2_2_O3_2}</td></tr>
 *   <tr><td>C_i of the composite index</td><td>rounded as published (integers, CO one decimal)</td>
 *       <td>{@code CompositeOptions.withRoundsConcentrations(false)}</td></tr>
 *   <tr><td>published rounding</td><td>half to even (GB/T 8170), two decimals for indices, one for
 *       percentages</td><td>—</td></tr>
 *   <tr><td>dust exclusion [OPEN]</td><td>off; with periods: PM10/PM2.5 of dust days out of the
 *       statistics and composite index, daily AQI as measured</td>
 *       <td>{@code DustExclusion.Scope.STATISTICS_AND_DAILY_AQI}</td></tr>
 *   <tr><td>ranking rows with incomplete data</td><td>not ranked</td>
 *       <td>{@code ReportOptions.withRanksIncomplete}</td></tr>
 * </table>
 */
package org.envhub.standards.air.stats;
