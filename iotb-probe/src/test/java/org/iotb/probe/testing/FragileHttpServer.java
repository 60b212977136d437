package org.iotb.probe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A web server with a fixed 4 KiB line buffer that "crashes" (stops listening for good) when a request line or
 * header overflows it, as a fragile embedded web server would. Short, well-formed requests get 200; other bytes
 * (such as the identification probes of other protocols) just get the connection closed.
 */
public final class FragileHttpServer implements AutoCloseable {
    private static final int LINE_BUFFER = 4096;
    private final ServerSocket server;
    public final int port;
    public volatile boolean crashed;

    public FragileHttpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        Thread t = new Thread(this::serve, "fragile-http");
        t.setDaemon(true);
        t.start();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> {
                    try (s) {
                        s.setSoTimeout(2000);
                        handle(s);
                    } catch (IOException e) {
                        // this connection only
                    }
                }, "fragile-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void handle(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        boolean first = true;
        String requestLine = null;
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String l = line.toString().strip();
                if (first) {
                    requestLine = l;
                    first = false;
                }
                if (l.isEmpty()) {
                    break;
                }
                line.setLength(0);
            } else if (line.length() >= LINE_BUFFER) {
                crashed = true;
                server.close();
                return;
            } else {
                line.append((char) b);
            }
        }
        if (requestLine != null && requestLine.startsWith("GET ") && requestLine.contains(" HTTP/1.")) {
            OutputStream o = s.getOutputStream();
            o.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
