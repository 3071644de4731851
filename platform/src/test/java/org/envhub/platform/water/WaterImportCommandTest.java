package org.envhub.platform.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.envhub.platform.EnvhubCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code envhub import water-sections} and {@code envhub import water} on an H2 data directory, as a user runs them. */
@ExtendWith(OutputCaptureExtension.class)
class WaterImportCommandTest {

    @Test
    void theCommandLineImportsTheRegistryThenSamplesReportingBadRowsByLine(@TempDir Path dir, CapturedOutput output) throws Exception {
        String data = dir.resolve("data").toString();
        Path sections = dir.resolve("sections.csv");
        Files.writeString(sections, """
                section,name,level,water_body,city,district,target
                C-1,命令行一号,national,river,命令市,东区,III
                C-2,命令行二号,provincial,lake,命令市,西区,II
                """, StandardCharsets.UTF_8);
        Path samples = dir.resolve("samples.csv");
        Files.writeString(samples, """
                section,time,water_body,do,nh3n,tp
                C-1,2024-05-06,river,6.1,0.45,0.12
                C-2,2024-05-07,lake,7.4,0.31,0.03
                C-9,2024-05-07,lake,7.4,0.31,0.03
                C-1,2024-05-20,river,x,0.45,0.12
                """, StandardCharsets.UTF_8);
        assertThat(EnvhubCommand.commandLine().execute("import", "water-sections", sections.toString(), "--data-dir", data)).isZero();
        assertThat(output.getOut()).contains("done  sections.csv: 2 sections added, 0 updated, 0 refused");

        assertThat(EnvhubCommand.commandLine().execute("import", "water", samples.toString(), "--data-dir", data)).isZero();
        assertThat(output.getOut()).contains("done  samples.csv: 2 samples, 6 values: 6 added, 0 corrected, 0 unchanged")
                .contains("samples.csv, line 4: section C-9 is not in the water section registry")
                .contains("samples.csv, line 5: section C-1: do 'x' is not a number");

        assertThat(EnvhubCommand.commandLine().execute("import", "water", samples.toString(), "--data-dir", data)).isZero();
        assertThat(output.getOut()).contains("2 samples, 6 values: 0 added, 0 corrected, 6 unchanged");
    }
}
