package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB/T 8170 rounding, 四舍六入五成双, at the decimals HJ 633-2026 keeps. */
class ConcentrationRoundingTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "PM25, 35.5, 36", "PM25, 36.5, 36", "PM25, 37.5, 38", "PM25, 36.4, 36", "PM25, 36.6, 37", "PM25, 0.5, 0",
        "SO2, 2.5, 2", "O3, 159.5, 160", "NO2, 99.49, 99",
        "CO, 0.25, 0.2", "CO, 0.35, 0.4", "CO, 0.15, 0.2", "CO, 1.05, 1.0", "CO, 1.251, 1.3", "CO, 12.45, 12.4",
    })
    void roundsHalfToEven(Pollutant pollutant, double c, double expected) {
        assertThat(ConcentrationRounding.round(pollutant, c)).isEqualTo(expected);
    }

    @Test
    void aComputedMeanOnATieIsATie() {
        // 24 hourly CO values summing to 6.0 mg/m³: the mean is the tie 0.25, but summed in binary it
        // comes out as 0.25000000000000006, which read literally would round up to 0.3.
        double[] hours = {0.2, 0.3, 0.1, 0.4, 0.3, 0.1, 0.0, 0.3, 0.4, 0.4, 0.3, 0.0, 0.5, 0.2, 0.2, 0.1, 0.3, 0.5, 0.4, 0.0, 0.1, 0.4, 0.3, 0.2};
        double sum = 0;
        for (double h : hours) {
            sum += h;
        }
        double mean = sum / 24;
        assertThat(mean).isGreaterThan(0.25);
        assertThat(ConcentrationRounding.round(Pollutant.CO, mean)).isEqualTo(0.2);
        assertThat(ConcentrationRounding.round(Pollutant.CO, 10.8 / 24)).isEqualTo(0.4);
    }

    @Test
    void otherDecimalsAndMissingValues() {
        assertThat(ConcentrationRounding.round(2.675, 2)).isEqualTo(2.68);
        assertThat(ConcentrationRounding.round(0.125, 2)).isEqualTo(0.12);
        assertThat(ConcentrationRounding.round(-3.5, 0)).isEqualTo(-4);
        assertThat(ConcentrationRounding.round(Double.NaN, 0)).isNaN();
    }
}
