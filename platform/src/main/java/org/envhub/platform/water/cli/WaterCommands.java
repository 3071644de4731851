package org.envhub.platform.water.cli;

import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.WaterOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Small things the water commands share. */
final class WaterCommands {

    private WaterCommands() {}

    /** The options as the standards module takes them; a bad value is a usage error. */
    static WaterOptions options(CommandSpec spec, WaterCliOptions options) {
        try {
            options.belowDetection();
            return options.waterOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** 1 when nothing valid was read, or on any problem under {@code --strict}; 0 otherwise. */
    static int exitCode(boolean nothingRead, ReadReport report, boolean strict) {
        if (nothingRead) {
            return 1;
        }
        return strict && report.hasProblems() ? 1 : 0;
    }
}
