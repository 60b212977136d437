package org.iotb.probe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Used only when this machine's busybox lacks the telnetd applet (Debian's dynamic busybox does): a loopback
 * server that opens with busybox telnetd's option negotiation (DO ECHO, DO NAWS, WILL ECHO, WILL SGA) and runs
 * a device-style login that accepts admin/admin1234 and answers every guess at once.
 */
public final class TelnetLike implements AutoCloseable {
    private final ServerSocket server;
    public final int port;

    public TelnetLike() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        Thread t = new Thread(this::serve, "telnet-like");
        t.setDaemon(true);
        t.start();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void session(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(10_000);
            out.write(new byte[] {(byte) 255, (byte) 253, 1, (byte) 255, (byte) 253, 31, (byte) 255, (byte) 251, 1,
                (byte) 255, (byte) 251, 3});
            out.write("IoTCam login: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String user = line(in);
            out.write("Password: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String pass = line(in);
            if (user.equals("admin") && pass.equals("admin1234")) {
                out.write("\r\nBusyBox v1.36.1 built-in shell (ash)\r\n# ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                line(in);
            } else {
                out.write("\r\nLogin incorrect\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    /** A line, skipping telnet IAC sequences the client sends. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 256) {
            int c = in.read();
            if (c < 0 || c == '\n') {
                break;
            }
            if (c == 255) {
                int cmd = in.read();
                if (cmd >= 251 && cmd <= 254) {
                    in.read();
                }
                continue;
            }
            if (c != '\r' && c != 0) {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
