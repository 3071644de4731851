package org.envhub.platform.water.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.envhub.platform.water.demo.GeneratedWaterData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envhub water demo-data}: writes the generated (not real) demo data set, as shipped in data/water-generated. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Writes the GENERATED (made-up, not measured) demo data: a sections registry of 济南 and 18 months of samples.")
public class WaterDemoDataCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "data/water-generated", description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve(GeneratedWaterData.SECTIONS_FILE), GeneratedWaterData.sectionsCsv(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(GeneratedWaterData.SAMPLES_FILE), GeneratedWaterData.samplesCsv(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve(GeneratedWaterData.SECTIONS_FILE) + " and " + out.resolve(GeneratedWaterData.SAMPLES_FILE)
                + " (generated data, not real measurements)");
        return 0;
    }
}
