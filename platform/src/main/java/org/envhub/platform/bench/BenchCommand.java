package org.envhub.platform.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code envhub bench}: measured performance, printed; see docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure envhub's performance and print the figures.",
        subcommands = {AirBenchCommand.class, ServeBenchCommand.class, GatewayBenchCommand.class})
public class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: air, serve or gateway");
    }
}
