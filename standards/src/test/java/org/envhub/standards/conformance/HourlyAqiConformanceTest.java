package org.envhub.standards.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.io.CnemcHourlyData;
import org.envhub.standards.io.OfficialColumn;
import org.junit.jupiter.api.Test;

/**
 * The official hourly AQI of every station-hour in {@code data/cnemc-hourly} (CNEMC, 2023-01-20…23),
 * recomputed from the published 1h values under rule set {@code cnemc}.
 */
class HourlyAqiConformanceTest {

    @Test
    void everyOfficialHourlyAqiIsReproduced() {
        CnemcHourlyData data = RealData.hourly();
        HourlyGrid grid = data.grid();
        double[][] official = data.official(OfficialColumn.AQI);
        int published = 0;
        int matched = 0;
        int withMissingItem = 0;
        List<String> misses = new ArrayList<>();
        for (int s = 0; s < grid.seriesCount(); s++) {
            for (int h = 0; h < grid.hours(); h++) {
                double expected = official[s][h];
                if (Double.isNaN(expected)) {
                    continue;
                }
                published++;
                if (anyMissing(grid, s, h)) {
                    withMissingItem++;
                }
                AqiResult result = Aqi.hourly(AqiRuleSet.CNEMC, grid.concentrations(s, h));
                if (result.aqi() == expected) {
                    matched++;
                } else if (misses.size() < 20) {
                    misses.add(grid.series().get(s) + " " + grid.hourAt(h) + ": official " + expected + ", computed " + result
                            + " from " + grid.concentrations(s, h));
                }
            }
        }
        System.out.printf("hourly AQI (cnemc): %,d of %,d published station-hours reproduced, %,d of them with a pollutant missing%n",
                matched, published, withMissingItem);
        assertThat(misses).isEmpty();
        assertThat(published).isEqualTo(157_750);
        assertThat(matched).isEqualTo(published);
        // The platform publishes an AQI from the pollutants present (no NA as in the 2012 text), and
        // those hours are reproduced too: rule set cnemc computes from the items present.
        assertThat(withMissingItem).isGreaterThan(0);
    }

    private static boolean anyMissing(HourlyGrid grid, int s, int h) {
        for (Pollutant p : Pollutant.values()) {
            if (Double.isNaN(grid.value(p, s, h))) {
                return true;
            }
        }
        return false;
    }
}
