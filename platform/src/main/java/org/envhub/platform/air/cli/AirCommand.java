package org.envhub.platform.air.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code envhub air}: the official air-quality indicators, computed from files. */
@Command(name = "air", mixinStandardHelpOptions = true,
        description = "Official air-quality indicators (HJ 633, HJ 663, GB 3095) from CNEMC or long CSV files.",
        subcommands = {HourlyCommand.class, RollingCommand.class, DailyCommand.class, ReportCommand.class})
public class AirCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: hourly, rolling, daily or report");
    }
}
