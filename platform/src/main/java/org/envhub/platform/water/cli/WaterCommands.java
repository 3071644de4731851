package org.envhub.platform.water.cli;

import java.io.PrintWriter;

import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.WaterOptions;

/** Small things the water commands share. */
final class WaterCommands {

    private WaterCommands() {}

    /**
     * The options as the standards module takes them. A bad value throws IllegalArgumentException naming
     * it, which {@code envhub} prints as one line with exit code 2.
     */
    static WaterOptions options(WaterCliOptions options) {
        options.belowDetection();
        return options.waterOptions();
    }

    /**
     * Says on {@code err} what was skipped or that nothing was read, as {@code envhub air} does, and gives
     * the exit code: 1 when nothing valid was read, or on any problem under {@code --strict}; 0 otherwise.
     */
    static int finish(boolean nothingRead, ReadReport report, boolean strict, PrintWriter err) {
        if (report.hasProblems()) {
            err.println("envhub: " + report.problemCount() + " bad input row(s) or value(s) skipped; the rest was used.");
        }
        if (nothingRead) {
            err.println("envhub: no valid sample was read from the inputs.");
        }
        err.flush();
        if (nothingRead) {
            return 1;
        }
        return strict && report.hasProblems() ? 1 : 0;
    }
}
