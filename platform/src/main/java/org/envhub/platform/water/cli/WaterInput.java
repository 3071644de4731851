package org.envhub.platform.water.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.envhub.platform.cli.OutputFormat;
import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.ReadProblem;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.BelowDetection;
import org.envhub.standards.water.WaterSample;
import org.envhub.standards.water.WaterSampleReader;

/** Reading the input files and writing tables, shared by the water commands. */
final class WaterInput {

    private WaterInput() {}

    /**
     * The samples of every input; problems go to {@code report}. A name that matches no file throws
     * IllegalArgumentException, which {@code envhub} prints as one line with exit code 2.
     */
    static List<WaterSample> read(List<String> inputs, BelowDetection belowDetection, ReadReport report) {
        List<Path> files = InputFiles.expand(inputs);
        return WaterSampleReader.read(files, report, belowDetection);
    }

    /** Prints the problems, one a line as {@code file:line: reason}, and a count if some were not kept. */
    static void printProblems(ReadReport report, PrintWriter err) {
        for (ReadProblem p : report.problems()) {
            err.println(p);
        }
        if (report.problemCount() > report.problems().size()) {
            err.println("... and " + (report.problemCount() - report.problems().size()) + " more problems");
        }
        err.flush();
    }

    /** The table as text in the format asked for. */
    static String render(ResultTable table, OutputFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        table.print(format, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
