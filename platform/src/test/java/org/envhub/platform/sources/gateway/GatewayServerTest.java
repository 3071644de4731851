package org.envhub.platform.sources.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.envhub.platform.ServeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The gateway as {@code envhub serve} starts it: a connection limit, an idle timeout, and a clean stop. */
class GatewayServerTest {

    @Test
    void limitsConnectionsClosesIdleOnesAndStopsWithTheContext(@TempDir Path dir) throws Exception {
        int port;
        List<Socket> sockets = new ArrayList<>();
        try (ConfigurableApplicationContext app = ServeCommand.start(dir, 0, 0, "--envhub.demo-data=false",
                "--envhub.admin-password=test-password", "--envhub.hj212.max-connections=3", "--envhub.hj212.idle-timeout=3s")) {
            Hj212Gateway gateway = app.getBean(Hj212Gateway.class);
            assertThat(gateway.isRunning()).isTrue();
            port = gateway.port();
            assertThat(port).isPositive();
            for (int i = 0; i < 5; i++) {
                sockets.add(connect(port));
            }
            // Two of the five are closed by the server at once (which two depends on the event loops' timing).
            long until = System.currentTimeMillis() + 5000;
            while (gateway.refusedConnections() < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(gateway.refusedConnections()).isEqualTo(2);
            assertThat(gateway.openConnections()).isEqualTo(3);
            List<Socket> open = new ArrayList<>();
            for (Socket s : sockets) {
                if (!closedByServer(s, 200)) {
                    open.add(s);
                }
            }
            assertThat(open).hasSize(3);

            // A device that keeps talking stays; the silent ones are closed after the idle timeout.
            Socket talker = open.get(2);
            until = System.currentTimeMillis() + 4500;
            while (System.currentTimeMillis() < until) {
                talker.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(300);
            }
            assertThat(closedByServer(open.get(0), 100)).isTrue();
            assertThat(closedByServer(open.get(1), 100)).isTrue();
            assertThat(closedByServer(talker, 100)).isFalse();
            sockets.add(talker);
        }
        // The context closed: the port no longer accepts, and the open connection was closed.
        assertThat(closedByServer(sockets.getLast(), 2000)).isTrue();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            assertThat(closedByServer(s, 1000)).as("nothing listens on %d any more", port).isTrue();
        } catch (ConnectException expected) {
            // nothing listens: what we want
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return s;
    }

    /** True when the server has closed the connection (end of stream or reset) within the wait. */
    static boolean closedByServer(Socket s, int waitMillis) throws IOException {
        s.setSoTimeout(waitMillis);
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
