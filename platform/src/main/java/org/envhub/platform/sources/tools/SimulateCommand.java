package org.envhub.platform.sources.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code envhub hj212 simulate}: data loggers sending real-time data to a gateway. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulated data loggers (数采仪): each device keeps a connection, sends real-time data (CN 2011) every interval "
                + "wanting an answer, and waits for the 9014 before the next. Prints what was sent and answered, with the answer latency.",
                "Exit code 1 when a packet that wanted an answer got none (faults excepted: corrupted frames and wrong passwords "
                        + "are not expected to be answered)."})
public class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Gateway host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9212", description = "Gateway port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--devices", defaultValue = "10", description = "Number of devices, one connection each (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--interval", defaultValue = "30", description = "Seconds between a device's packets; 0 for as fast as answered (default: ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--version", defaultValue = "2017", description = "Protocol: 2005 (short codes) or 2017 (default: ${DEFAULT-VALUE}).")
    int version;

    @Option(names = "--faults", description = "Add faults: corrupted frames, frames split across TCP writes, wrong passwords, values flagged "
            + "abnormal, zero or negative values, values outside the instrument's range, sudden jumps, stuck values.")
    boolean faults;

    @Option(names = "--duration", defaultValue = "60", description = "Seconds to run (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--mn-prefix", defaultValue = "SIM", description = "MNs are the prefix and a 6-digit number (default: ${DEFAULT-VALUE}).")
    String mnPrefix;

    @Option(names = "--password", defaultValue = "123456", description = "PW sent by every device (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the values and faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--answer-timeout", defaultValue = "10", description = "Seconds to wait for an answer (default: ${DEFAULT-VALUE}).")
    double answerTimeout;

    @Option(names = "--answered-log", description = "Write 'MN QN DataTime' of every answered packet to this file.")
    Path answeredLog;

    @Override
    public Integer call() throws Exception {
        Simulator.Config config = new Simulator.Config(host, port, devices, interval, version, faults, duration, mnPrefix, password, seed,
                (int) Math.round(answerTimeout * 1000));
        Simulator simulator = new Simulator(config);
        Simulator.Result result;
        if (answeredLog != null) {
            try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(answeredLog, StandardCharsets.UTF_8))) {
                result = simulator.run(log);
            } catch (IOException e) {
                throw new IOException("--answered-log " + answeredLog + ": " + e.getMessage(), e);
            }
        } else {
            result = simulator.run(null);
        }
        spec.commandLine().getOut().println(result.describe());
        spec.commandLine().getOut().flush();
        return result.unanswered() == 0 ? 0 : 1;
    }
}
