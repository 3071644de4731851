package org.envhub.platform.sources.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code envhub hj212}: tools around the HJ 212 gateway, run without the platform. */
@Command(name = "hj212", mixinStandardHelpOptions = true, description = "HJ 212 tools: simulate data loggers, replay captured traffic.",
        subcommands = {SimulateCommand.class, ReplayCommand.class})
public class Hj212Command implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a tool: simulate or replay");
    }
}
