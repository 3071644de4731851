package org.envhub.platform.water;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code envhub.water.*} settings: the demo data, the thresholds of the monthly risk warning (月度超标风险)
 * and how an automatic station's HJ 212 data become daily samples. Every threshold is envhub's choice, not a
 * rule: docs/water-rules.md says why each default.
 *
 * @param demoData    load the generated water demo data on first start (default: with {@code envhub.demo-data})
 * @param risk        the risk warning
 * @param autoStation the automatic stations (水质自动站)
 */
@ConfigurationProperties("envhub.water")
public record WaterSettings(@DefaultValue("false") boolean demoData, @DefaultValue Risk risk, @DefaultValue AutoStation autoStation) {

    /**
     * @param warnRatio    an upper-bound item warns when its month-to-date mean reaches this share of the target
     *                     class's limit (0.8: NH3-N 0.80 mg/L against III's 1.0)
     * @param doWarnRatio  DO, a lower bound, warns when the target's limit over the mean reaches this share
     *                     (0.9: DO 5.5 mg/L against III's 5)
     * @param phMargin     pH warns within this distance of the 6–9 range's ends
     * @param trendSamples the latest samples a trend is fitted to (least squares), at least 3
     * @param trendDays    those samples are taken from this many days before the month's first day on
     */
    public record Risk(@DefaultValue("0.8") double warnRatio, @DefaultValue("0.9") double doWarnRatio,
                       @DefaultValue("0.5") double phMargin, @DefaultValue("4") int trendSamples,
                       @DefaultValue("120") int trendDays) {

        public Risk {
            if (!(warnRatio > 0 && warnRatio <= 1) || !(doWarnRatio > 0 && doWarnRatio <= 1) || phMargin < 0 || phMargin > 1.5
                    || trendSamples < 3 || trendDays < 1) {
                throw new IllegalArgumentException("envhub.water.risk: warn-ratio and do-warn-ratio in (0, 1], ph-margin 0..1.5, "
                        + "trend-samples >= 3, trend-days >= 1");
            }
        }
    }

    /**
     * @param minHourlyValues a day with no daily (2031) value needs at least this many valid hourly (2061)
     *                        values of an item for a daily mean
     */
    public record AutoStation(@DefaultValue("4") int minHourlyValues) {

        public AutoStation {
            if (minHourlyValues < 1 || minHourlyValues > 24) {
                throw new IllegalArgumentException("envhub.water.auto-station.min-hourly-values: 1 to 24");
            }
        }
    }
}
