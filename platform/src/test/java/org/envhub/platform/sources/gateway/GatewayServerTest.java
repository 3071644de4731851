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
                "--envhub.admin-password=test-password", "--envhub.hj212.max-connections=3", "--envhub.hj212.idle-timeout=2s")) {
            Hj212Gateway gateway = app.getBean(Hj212Gateway.class);
            assertThat(gateway.isRunning()).isTrue();
            port = gateway.port();
            assertThat(port).isPositive();
            for (int i = 0; i < 5; i++) {
                sockets.add(connect(port));
            }
            // The fourth and fifth are closed by the server at once; the first three stay open.
            assertThat(closedByServer(sockets.get(3), 2000)).isTrue();
            assertThat(closedByServer(sockets.get(4), 2000)).isTrue();
            assertThat(closedByServer(sockets.get(0), 300)).isFalse();
            assertThat(gateway.refusedConnections()).isEqualTo(2);
            assertThat(gateway.openConnections()).isEqualTo(3);

            // A device that keeps talking stays; the silent ones are closed after the idle timeout.
            Socket talker = sockets.get(2);
            long until = System.currentTimeMillis() + 3500;
            while (System.currentTimeMillis() < until) {
                talker.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(300);
            }
            assertThat(closedByServer(sockets.get(0), 100)).isTrue();
            assertThat(closedByServer(sockets.get(1), 100)).isTrue();
            assertThat(closedByServer(talker, 100)).isFalse();
        }
        // The context closed: the port no longer accepts, and the open connection was closed.
        assertThat(closedByServer(sockets.get(2), 2000)).isTrue();
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
