package org.envhub.platform.water.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.envhub.platform.EnvhubCommand;
import picocli.CommandLine;

/** Runs {@code envhub …} in-process, as {@code envhub} itself sets it up, and keeps what it printed. */
final class WaterCli {

    record Run(int exit, String out, String err) {

        List<String> outLines() { return out.lines().toList(); }

        /** The CSV blocks of the output, split at blank lines, each as its lines. */
        List<List<String>> csvBlocks() {
            List<List<String>> blocks = new ArrayList<>();
            List<String> block = new ArrayList<>();
            for (String line : out.lines().toList()) {
                if (line.isEmpty()) {
                    blocks.add(block);
                    block = new ArrayList<>();
                } else {
                    block.add(line);
                }
            }
            if (!block.isEmpty()) {
                blocks.add(block);
            }
            return blocks;
        }
    }

    private WaterCli() {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = EnvhubCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
