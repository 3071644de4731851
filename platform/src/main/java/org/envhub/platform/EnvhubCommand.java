package org.envhub.platform;

import org.envhub.platform.water.cli.WaterCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code envhub} command line: the platform server and the tools around it. */
@Command(name = "envhub", mixinStandardHelpOptions = true, version = "envhub 0.1.0",
        description = "Environmental monitoring platform for Ecology and Environment Bureaus.",
        subcommands = {CommandLine.HelpCommand.class, WaterCommand.class})
public class EnvhubCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EnvhubCommand()).execute(args));
    }
}
