package org.envhub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envhub serve}: the platform in one process, on an embedded H2 database unless ENVHUB_DB_* say otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the platform: web UI, HTTP API and storage. PostgreSQL is used when ENVHUB_DB_URL, "
                + "ENVHUB_DB_USER and ENVHUB_DB_PASSWORD are set; otherwise an H2 database in the data directory.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "./envhub-data", description = "Where the embedded database lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--hj212-port", defaultValue = "9212", description = "TCP port of the HJ 212 gateway (default: ${DEFAULT-VALUE}).")
    int hj212Port;

    @Option(names = "--hj212-auto-register", negatable = true,
            description = "Register an unknown MN as pending approval and keep its data (default: on with the demo data).")
    Boolean hj212AutoRegister;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Stop as soon as start-up (with any first-start load) has finished: the launcher's training run for its start-up cache.")
    boolean exitWhenReady;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dataDir);
        ConfigurableApplicationContext context = hj212AutoRegister == null ? start(dataDir, port, hj212Port)
                : start(dataDir, port, hj212Port, "--envhub.hj212.auto-register=" + hj212AutoRegister);
        if (exitWhenReady) {
            context.close();
            return 0;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        // Keep the command running until the server stops (Ctrl-C or SIGTERM closes the context).
        closed.await();
        return 0;
    }

    /** Starts the Spring application; command-line values win over application.yml and ENVHUB_* variables. */
    public static ConfigurableApplicationContext start(Path dataDir, int port, int hj212Port, String... extra) {
        SpringApplication app = new SpringApplication(EnvhubApplication.class);
        String[] args = new String[3 + extra.length];
        args[0] = "--server.port=" + port;
        args[1] = "--envhub.data-dir=" + dataDir.toAbsolutePath().normalize();
        args[2] = "--envhub.hj212-port=" + hj212Port;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return app.run(args);
    }
}
