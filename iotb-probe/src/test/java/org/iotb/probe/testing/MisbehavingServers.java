package org.iotb.probe.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile or broken targets on loopback: one that accepts and never speaks, one that answers everything with
 * random bytes, and a black hole (a listener whose backlog is full, so further SYNs are silently dropped).
 */
public final class MisbehavingServers implements AutoCloseable {
    private final List<AutoCloseable> resources = new ArrayList<>();
    public final int silentPort;
    public final int garbagePort;
    public final int blackholePort;

    public MisbehavingServers() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        ServerSocket silent = new ServerSocket(0, 50, lo);
        resources.add(silent);
        silentPort = silent.getLocalPort();
        daemon(() -> {
            List<Socket> keep = new ArrayList<>();
            while (!silent.isClosed()) {
                keep.add(silent.accept());
            }
            return null;
        });
        ServerSocket garbage = new ServerSocket(0, 50, lo);
        resources.add(garbage);
        garbagePort = garbage.getLocalPort();
        daemon(() -> {
            Random rnd = new Random(42);
            while (!garbage.isClosed()) {
                Socket s = garbage.accept();
                daemon(() -> {
                    try (s; OutputStream o = s.getOutputStream()) {
                        byte[] junk = new byte[2048];
                        for (int i = 0; i < 200; i++) {
                            rnd.nextBytes(junk);
                            o.write(junk);
                            Thread.sleep(20);
                        }
                    }
                    return null;
                });
            }
            return null;
        });
        ServerSocket hole = new ServerSocket(0, 1, lo);
        resources.add(hole);
        blackholePort = hole.getLocalPort();
        // fill the accept queue; the kernel then drops new SYNs, so a connect neither succeeds nor is refused
        for (int i = 0; i < 3; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(lo, blackholePort), 300);
            } catch (IOException expected) {
                // the queue is already full
            }
            resources.add(s);
        }
    }

    private interface Body {
        Object run() throws Exception;
    }

    private static void daemon(Body b) {
        Thread t = new Thread(() -> {
            try {
                b.run();
            } catch (Exception ignored) {
                // server shut down
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
