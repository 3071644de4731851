package org.envhub.platform;

import org.envhub.platform.air.cli.AirCommand;
import org.envhub.platform.bench.BenchCommand;
import org.envhub.platform.imports.ImportCommand;
import org.envhub.platform.sources.tools.Hj212Command;
import org.envhub.platform.water.cli.WaterCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code envhub} command line: the platform server and the tools around it. */
@Command(name = "envhub", mixinStandardHelpOptions = true, version = "envhub 0.1.0",
        description = "Environmental monitoring platform for Ecology and Environment Bureaus.",
        subcommands = {ServeCommand.class, ImportCommand.class, AirCommand.class, WaterCommand.class, Hj212Command.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public class EnvhubCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * The command line with envhub's conventions: case-insensitive enum values (--format CSV or csv),
     * and an input error (a missing file, an unknown rule set) printed as one line naming what is
     * wrong, with exit code 2, rather than a stack trace.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new EnvhubCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                            || e instanceof java.io.IOException || e instanceof IllegalStateException) {
                        cmd.getErr().println("envhub: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
