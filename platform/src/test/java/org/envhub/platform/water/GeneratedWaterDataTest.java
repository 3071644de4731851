package org.envhub.platform.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.envhub.platform.water.demo.GeneratedWaterData;
import org.junit.jupiter.api.Test;

/** The shipped demo files are exactly what the generator writes (regenerate with {@code envhub water demo-data}). */
class GeneratedWaterDataTest {

    private static final Path DATA = Path.of("../data/water-generated");

    @Test
    void theShippedFilesAreTheGeneratorsOutput() throws Exception {
        assertThat(Files.readString(DATA.resolve(GeneratedWaterData.SECTIONS_FILE), StandardCharsets.UTF_8)).isEqualTo(GeneratedWaterData.sectionsCsv());
        assertThat(Files.readString(DATA.resolve(GeneratedWaterData.SAMPLES_FILE), StandardCharsets.UTF_8)).isEqualTo(GeneratedWaterData.samplesCsv());
    }

    @Test
    void theSetSaysItIsGenerated() throws Exception {
        assertThat(Files.readString(Path.of("../data/README.md"), StandardCharsets.UTF_8)).contains("water-generated").contains("GENERATED");
    }
}
