package org.envhub.standards.air.stats;

/**
 * How a statistic is compared with a limit, in the two ways GB/T 8170 defines.
 */
public enum LimitComparison {
    /**
     * 修约值比较法: round the statistic first (GB/T 8170, half to even; integers, CO one decimal, as
     * concentrations are published), then compare. An annual PM2.5 mean of 35.4 is published as 35 and
     * meets the limit 35. envhub's default, because bulletins judge the values they publish.
     */
    ROUNDED_VALUE,
    /** 全数值比较法: compare the unrounded statistic; 35.4 exceeds 35. */
    FULL_VALUE
}
