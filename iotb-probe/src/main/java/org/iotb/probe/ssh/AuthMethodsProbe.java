package org.iotb.probe.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.iotb.probe.net.Watchdog;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns which authentication methods an SSH server allows: jsch does the key exchange, tries "none" (and, for
 * {@link #tryPassword}, one password), and the server's failure reply names the methods that can continue. Also used for
 * real login attempts (default credentials) with legacy algorithms enabled, since devices often need them.
 */
public final class AuthMethodsProbe {
    private static final Pattern METHODS = Pattern.compile("for methods '([^']*)'");

    private AuthMethodsProbe() {
    }

    /**
     * @param talked  whether the SSH protocol got far enough to judge anything (server version line read, no
     *                protocol error, not stopped by the wall-clock deadline); false means "could not complete the
     *                protocol", which no check may read as a refusal
     */
    public record Attempt(boolean loggedIn, List<String> methods, String message, boolean talked) {
    }

    public static Attempt tryPassword(String host, int port, String user, String password, int timeoutMillis) {
        return connect(host, port, user, password, "password,keyboard-interactive", timeoutMillis);
    }

    /**
     * The methods the server offers this user, without guessing anything: jsch sends the "none" request, the
     * server answers with its method list, and the only method we prefer (publickey, with no key loaded) has
     * nothing to send. Empty when the server did not say.
     */
    public static Attempt methods(String host, int port, String user, int timeoutMillis) {
        return connect(host, port, user, null, "publickey", timeoutMillis);
    }

    /** True when the offered methods include one that takes a guessable secret (password, keyboard-interactive). */
    public static boolean allowsPasswords(List<String> methods) {
        return methods.contains("password") || methods.contains("keyboard-interactive");
    }

    private static Attempt connect(String host, int port, String user, String password, String preferred,
                                   int timeoutMillis) {
        JSch jsch = new JSch();
        Session s = null;
        WatchedSockets sockets = new WatchedSockets(timeoutMillis);
        try {
            s = jsch.getSession(user, host, port);
            if (password != null) {
                s.setPassword(password);
            }
            Properties cfg = new Properties();
            cfg.put("StrictHostKeyChecking", "no");
            cfg.put("PreferredAuthentications", preferred);
            // accept what old device servers offer: we assess them, we do not protect a session
            cfg.put("kex", JSch.getConfig("kex") + ",diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,"
                    + "diffie-hellman-group1-sha1");
            cfg.put("server_host_key", JSch.getConfig("server_host_key") + ",ssh-rsa,ssh-dss");
            cfg.put("cipher.s2c", JSch.getConfig("cipher.s2c") + ",aes128-cbc,3des-cbc,aes256-cbc");
            cfg.put("cipher.c2s", JSch.getConfig("cipher.c2s") + ",aes128-cbc,3des-cbc,aes256-cbc");
            cfg.put("mac.s2c", JSch.getConfig("mac.s2c") + ",hmac-sha1,hmac-md5");
            cfg.put("mac.c2s", JSch.getConfig("mac.c2s") + ",hmac-sha1,hmac-md5");
            cfg.put("MaxAuthTries", "1");
            s.setConfig(cfg);
            s.setTimeout(timeoutMillis);
            // jsch's read timeouts restart with every byte: the watchdog closes the socket at the wall-clock deadline
            s.setSocketFactory(sockets);
            s.connect(timeoutMillis);
            return new Attempt(true, List.of(), "authenticated", true);
        } catch (JSchException | RuntimeException e) {
            if (sockets.deadlineHit()) {
                return new Attempt(false, List.of(), "SSH handshake not completed within " + timeoutMillis
                        + " ms (connection closed by iotb's deadline)", false);
            }
            if (e instanceof RuntimeException || e.getCause() instanceof RuntimeException) {
                // jsch chokes on some malformed packets (e.g. a KEXINIT with an absurd length): a protocol error
                Throwable why = e instanceof RuntimeException ? e : e.getCause();
                return new Attempt(false, List.of(), "SSH protocol error: " + why, false);
            }
            String msg = String.valueOf(e.getMessage());
            if (brokenProtocol(msg)) {
                // e.g. a 1 MB version line: the server never spoke SSH, so nothing it did is a refusal
                return new Attempt(false, List.of(), "SSH protocol error: " + msg, false);
            }
            Matcher m = METHODS.matcher(msg);
            List<String> methods = new ArrayList<>();
            if (m.find()) {
                for (String x : m.group(1).split(",")) {
                    if (!x.isBlank()) {
                        methods.add(x.trim());
                    }
                }
            }
            return new Attempt(false, methods, msg, true);
        } finally {
            if (s != null) {
                s.disconnect();
            }
            sockets.close();
        }
    }

    /** jsch's words for a server that broke the SSH protocol itself (as opposed to closing on us or refusing). */
    static boolean brokenProtocol(String jschMessage) {
        String m = jschMessage.toLowerCase(java.util.Locale.ROOT);
        return m.contains("invalid server's version string") || m.contains("packet corrupt")
                || m.contains("invalid protocol");
    }

    /** Hands jsch sockets that the {@link Watchdog} closes when the attempt's wall-clock time is up. */
    private static final class WatchedSockets implements SocketFactory, AutoCloseable {
        private final int timeoutMillis;
        private final long startNanos = System.nanoTime();
        private final List<Watchdog.Guard> guards = new ArrayList<>();

        WatchedSockets(int timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public synchronized Socket createSocket(String host, int port) throws IOException {
            long left = timeoutMillis - (System.nanoTime() - startNanos) / 1_000_000;
            if (left <= 0) {
                throw new IOException("deadline passed before connecting");
            }
            Socket socket = new Socket();
            guards.add(Watchdog.closeAfter(socket, left));
            socket.connect(new InetSocketAddress(host, port), (int) left);
            return socket;
        }

        @Override
        public InputStream getInputStream(Socket socket) throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream getOutputStream(Socket socket) throws IOException {
            return socket.getOutputStream();
        }

        synchronized boolean deadlineHit() {
            return guards.stream().anyMatch(Watchdog.Guard::fired);
        }

        @Override
        public synchronized void close() {
            guards.forEach(Watchdog.Guard::close);
        }
    }
}
