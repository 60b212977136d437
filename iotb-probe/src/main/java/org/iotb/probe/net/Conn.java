package org.iotb.probe.net;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One TCP conversation with the target, with every wait bounded by both the per-operation timeout and the
 * global deadline, and every read bounded in size: replies are attacker-controlled.
 */
public final class Conn implements Closeable {
    public static final int MAX_REPLY = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Deadline deadline;
    private int readTimeoutMillis;
    private final Watchdog.Guard watchdog;

    private Conn(Socket socket, Deadline deadline, int readTimeoutMillis) throws IOException {
        this.socket = socket;
        // whatever reads this socket (our readers, JSSE layered on top), it is closed when the scan's budget ends
        this.watchdog = Watchdog.closeAfter(socket, deadline.remainingMillis() + 250);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.deadline = deadline;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public static Conn open(InetAddress host, int port, int connectTimeoutMillis, int readTimeoutMillis,
            Deadline deadline) throws IOException {
        if (deadline.expired()) {
            throw new IOException("global time budget exhausted");
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), deadline.clip(connectTimeoutMillis));
            return new Conn(s, deadline, readTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Login replies are often delayed on purpose (failed-login delay): allow a longer wait for those. */
    public Conn readTimeout(int millis) {
        this.readTimeoutMillis = millis;
        return this;
    }

    public Socket socket() {
        return socket;
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    public void send(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    public void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads whatever arrives until the reply looks complete, the peer goes quiet, closes, or {@code max} bytes. */
    public byte[] readAvailable(int max, int quietMillis, java.util.function.Predicate<byte[]> complete)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        long start = System.nanoTime();
        int wait = readTimeoutMillis;
        while (buf.size() < max) {
            if (deadline.expired() || (System.nanoTime() - start) / 1_000_000 > readTimeoutMillis * 2L) {
                break;
            }
            socket.setSoTimeout(deadline.clip(wait));
            int n;
            try {
                n = in.read(chunk, 0, Math.min(chunk.length, max - buf.size()));
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            buf.write(chunk, 0, n);
            if (complete != null && complete.test(buf.toByteArray())) {
                break;
            }
            wait = quietMillis;
        }
        return buf.toByteArray();
    }

    public byte[] readAvailable(int max) throws IOException {
        return readAvailable(max, Math.min(300, readTimeoutMillis), null);
    }

    /** Reads exactly n bytes or throws (EOF, timeout, deadline). */
    public byte[] readExactly(int n) throws IOException {
        if (n < 0 || n > MAX_REPLY * 4) {
            throw new IOException("refusing to read " + n + " bytes");
        }
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            if (deadline.expired()) {
                throw new IOException("global time budget exhausted");
            }
            socket.setSoTimeout(deadline.clip(readTimeoutMillis));
            int r = in.read(b, off, n - off);
            if (r < 0) {
                throw new IOException("connection closed after " + off + " of " + n + " bytes");
            }
            off += r;
        }
        return b;
    }

    /** Reads one CRLF/LF-terminated line of at most {@code max} bytes (without the terminator). */
    public String readLine(int max) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < max) {
            if (deadline.expired()) {
                throw new IOException("global time budget exhausted");
            }
            socket.setSoTimeout(deadline.clip(readTimeoutMillis));
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    throw new IOException("connection closed");
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        watchdog.close();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a probe socket cannot fail in a way we could act on
        }
    }
}
