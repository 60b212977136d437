package org.iotb.probe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback servers that speak just enough of a protocol to be recognised and then misbehave on purpose (issue #20):
 * each connection is served by its own daemon thread until the server is closed.
 */
public final class HostileServices implements AutoCloseable {
    private final List<AutoCloseable> resources = new ArrayList<>();

    private interface Conversation {
        void serve(InputStream in, OutputStream out) throws Exception;
    }

    /** "SSH-2.0-" and then a byte every 200 ms, never a newline: every read timeout restarts with each byte. */
    public int dripSsh() throws IOException {
        return listen((in, out) -> {
            out.write("SSH-2.0-".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                Thread.sleep(200);
                out.write('x');
                out.flush();
            }
        });
    }

    /** A valid version line, then a binary packet claiming a length of 0x7FFFFFF0 where the KEXINIT should be. */
    public int malformedKexinit() throws IOException {
        return listen((in, out) -> {
            out.write("SSH-2.0-OpenSSH_8.9\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readLine(in);
            byte[] packet = ByteBuffer.allocate(64).putInt(0x7FFFFFF0).put((byte) 4).put((byte) 20).array();
            out.write(packet);
            out.flush();
            Thread.sleep(30_000);
        });
    }

    /** An FTP greeting that never ends: "220-" continuation lines, forever. */
    public int endlessFtpGreeting() throws IOException {
        return listen((in, out) -> {
            byte[] line = "220-Welcome to the device\r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(line);
                out.flush();
                Thread.sleep(5);
            }
        });
    }

    /** A telnet service that floods text (prompts included) whatever it is sent. */
    public int telnetFlood() throws IOException {
        return listen((in, out) -> {
            byte[] junk = "login: Password: Login incorrect\r\nlogin: noise noise noise\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(junk);
                out.flush();
                Thread.sleep(2);
            }
        });
    }

    /** A banner of about 1 MB on one line ("SSH-2.0-", "220 " or plain text), then silence: no line ends early. */
    public int megabyteBanner(String prefix) throws IOException {
        return listen((in, out) -> {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'A');
            out.write(prefix.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 16; i++) {
                out.write(chunk);
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(30_000);
        });
    }

    /**
     * Answers anything (a ClientHello) with an endless stream of TLS handshake records: the first starts a
     * ServerHello claiming 16 MB, every later record continues it, so the handshake message never completes.
     */
    public int endlessTlsRecords() throws IOException {
        return listen((in, out) -> {
            in.read(new byte[4096]);
            byte[] body = new byte[16_384];
            body[0] = 2;
            body[1] = (byte) 0xff;
            body[2] = (byte) 0xff;
            body[3] = (byte) 0xff;
            while (true) {
                out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                out.write(body);
                out.flush();
                body[0] = body[1] = body[2] = body[3] = 0;
                Thread.sleep(1);
            }
        });
    }

    /** Slowloris the other way round: a status line, then one header byte per second, never a blank line. */
    public int slowlorisHttp() throws IOException {
        return listen((in, out) -> {
            in.read(new byte[4096]);
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                Thread.sleep(1000);
                out.write('x');
                out.flush();
            }
        });
    }

    /**
     * Answers an MQTT CONNECT with a packet whose remaining length is the protocol maximum (268,435,455 bytes):
     * a CONNACK (0x20) or a PUBLISH (0x30) that would need 256 MB, followed by an endless trickle of junk.
     */
    public int absurdMqtt(int packetType) throws IOException {
        return listen((in, out) -> {
            in.read(new byte[4096]);
            out.write(new byte[] {(byte) packetType, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0, 0});
            out.flush();
            byte[] junk = new byte[1024];
            while (true) {
                Thread.sleep(10);
                out.write(junk);
                out.flush();
            }
        });
    }

    private static void readLine(InputStream in) throws IOException {
        for (int i = 0; i < 256; i++) {
            int c = in.read();
            if (c < 0 || c == '\n') {
                return;
            }
        }
    }

    private int listen(Conversation c) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        resources.add(server);
        daemon(() -> {
            while (!server.isClosed()) {
                Socket s = server.accept();
                synchronized (resources) {
                    resources.add(s);
                }
                daemon(() -> {
                    try (s) {
                        c.serve(s.getInputStream(), s.getOutputStream());
                    }
                });
            }
        });
        return server.getLocalPort();
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void daemon(Body b) {
        Thread t = new Thread(() -> {
            try {
                b.run();
            } catch (Exception ignored) {
                // the client went away or the server was closed
            }
        }, "hostile-service");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        synchronized (resources) {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }
}
