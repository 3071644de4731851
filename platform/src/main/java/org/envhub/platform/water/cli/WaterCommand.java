package org.envhub.platform.water.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code envhub water}: surface-water classes, main pollutants, CWQI and rankings, computed from files. */
@Command(name = "water", mixinStandardHelpOptions = true,
        description = "Surface-water quality (GB 3838-2002, the 2011 evaluation method, the 2017 CWQI ranking rule, "
                + "the 2020 statistics rule) from wide CSV files: section,time,water_body,ph,do,codmn,…,fecal_coliform.",
        subcommands = {WaterClassifyCommand.class, WaterReportCommand.class, WaterDemoDataCommand.class})
public class WaterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: classify, report or demo-data");
    }
}
