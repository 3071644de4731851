package org.envhub.platform.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A test data logger: a plain socket to the gateway, sending bytes and reading answers line by line. */
public final class DeviceConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    public DeviceConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        in = socket.getInputStream();
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next answer line (without CR LF), or null when none comes within the wait. */
    public String answer(int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int prev = -1;
            for (int b; (b = in.read()) >= 0; prev = b) {
                if (prev == '\r' && b == '\n') {
                    byte[] all = line.toByteArray();
                    return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
