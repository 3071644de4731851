package org.envhub.standards.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.io.PublishedHour;
import org.envhub.standards.io.PublishedHourReader;
import org.envhub.standards.io.ReadReport;
import org.junit.jupiter.api.Test;

/**
 * The official AQI and primary pollutant (首要污染物) of two published hours of 2023, a summer hour
 * driven by ozone and a winter hour driven by particles, recomputed under rule set {@code cnemc}.
 */
class PrimaryPollutantConformanceTest {

    private static final Path DIR = RealData.DATA.resolve("cnemc-hourly-with-primary");

    record Outcome(int rows, int published, int aqiMatched, int primaryMatched, int ties, List<String> misses, ReadReport report) {}

    static Outcome check(String file) {
        ReadReport report = new ReadReport();
        List<PublishedHour> rows = PublishedHourReader.read(DIR.resolve(file), report);
        int published = 0;
        int aqi = 0;
        int primary = 0;
        int ties = 0;
        List<String> misses = new ArrayList<>();
        for (PublishedHour r : rows) {
            if (r.aqi() == AqiResult.MISSING) {
                continue;
            }
            published++;
            AqiResult result = Aqi.hourly(AqiRuleSet.CNEMC, r.concentrations());
            boolean aqiOk = result.aqi() == r.aqi();
            boolean primaryOk = result.primaryOfficialName().equals(r.primaryPollutant());
            aqi += aqiOk ? 1 : 0;
            primary += primaryOk ? 1 : 0;
            ties += r.primaryPollutant().contains(",") ? 1 : 0;
            if ((!aqiOk || !primaryOk) && misses.size() < 20) {
                misses.add(r.station() + ": official " + r.aqi() + " '" + r.primaryPollutant() + "', computed " + result.aqi()
                        + " '" + result.primaryOfficialName() + "' " + result);
            }
        }
        System.out.printf("%s: AQI %,d of %,d, primary pollutant %,d of %,d (%d ties)%n", file, aqi, published, primary, published, ties);
        return new Outcome(rows.size(), published, aqi, primary, ties, misses, report);
    }

    @Test
    void summerHourWithTheO3ColumnsSwapped() {
        Outcome o = check("2023-07-15T15.csv.gz");
        assertThat(o.misses()).isEmpty();
        assertThat(o.rows()).isEqualTo(1734);
        assertThat(o.published()).isEqualTo(1644);
        assertThat(o.aqiMatched()).isEqualTo(1644);
        assertThat(o.primaryMatched()).isEqualTo(1644);
        assertThat(o.ties()).isEqualTo(3);
        // The reader noticed the swap, and only that.
        assertThat(o.report().problems()).singleElement().asString().contains("o3 and o3_24h are swapped");
    }

    @Test
    void winterHour() {
        Outcome o = check("2023-12-31T10.csv.gz");
        assertThat(o.misses()).isEmpty();
        assertThat(o.rows()).isEqualTo(1725);
        assertThat(o.published()).isEqualTo(1646);
        assertThat(o.aqiMatched()).isEqualTo(1646);
        assertThat(o.primaryMatched()).isEqualTo(1646);
        assertThat(o.ties()).isEqualTo(9);
        assertThat(o.report().problems()).isEmpty();
    }
}
