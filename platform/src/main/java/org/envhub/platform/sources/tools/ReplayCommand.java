package org.envhub.platform.sources.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code envhub hj212 replay}: captured traffic sent to a gateway as it was captured. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Sends captured HJ 212 traffic (.h212 files, one frame per CR LF line, or .h212.gz) to a gateway over one "
                + "connection, byte for byte, corrupted frames included, and counts the answers.")
public class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files, sent in the order given.")
    List<Path> files;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Gateway host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9212", description = "Gateway port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--chunks", defaultValue = "0-0", paramLabel = "MIN-MAX",
            description = "Write in chunks of random size MIN..MAX bytes, as TCP may cut the stream; 0-0 writes each file at once (default: ${DEFAULT-VALUE}).")
    String chunks;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the chunk sizes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--wait", defaultValue = "3", description = "Seconds to wait for answers after the last one (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Override
    public Integer call() throws Exception {
        String[] mm = chunks.split("-");
        if (mm.length != 2 || !mm[0].matches("\\d+") || !mm[1].matches("\\d+")) {
            throw new IllegalArgumentException("--chunks: MIN-MAX in bytes, e.g. 1-4096, got '" + chunks + "'");
        }
        byte[][] captures = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            captures[i] = TrafficFiles.read(files.get(i));
        }
        Replay.Result r = new Replay(host, port, Integer.parseInt(mm[0]), Integer.parseInt(mm[1]), seed, (int) (waitSeconds * 1000)).send(captures);
        spec.commandLine().getOut().printf("replayed %d file(s): %d bytes, %d frames in %.1f s; %d answers received%n",
                files.size(), r.bytes(), r.frames(), r.seconds(), r.answers());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
