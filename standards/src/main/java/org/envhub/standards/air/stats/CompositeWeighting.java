package org.envhub.standards.air.stats;

import org.envhub.standards.air.Pollutant;

/** Weights of the single indices in the composite index. */
public enum CompositeWeighting {
    /** The 2018 ranking rule (城市环境空气质量排名技术规定): a plain sum. Default. */
    EQUAL(1, 1, 1, 1, 1, 1),
    /**
     * [OPEN] A weighting seen in third-party material (PM2.5 ×3, NO2 ×2, O3 ×2), said to belong to the
     * 2026 ranking revision; unconfirmed, so never the default.
     */
    PM25_3_NO2_2_O3_2(1, 2, 1, 2, 1, 3);

    private final double[] weights;

    /** In {@link Pollutant} order: SO2, NO2, CO, O3, PM10, PM2.5. */
    CompositeWeighting(double so2, double no2, double co, double o3, double pm10, double pm25) {
        this.weights = new double[] {so2, no2, co, o3, pm10, pm25};
    }

    public double weight(Pollutant p) { return weights[p.ordinal()]; }
}
