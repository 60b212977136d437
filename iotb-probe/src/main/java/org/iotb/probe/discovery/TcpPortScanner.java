package org.iotb.probe.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.net.RateLimiter;

/**
 * TCP connect scan with non-blocking sockets: many connects in flight per selector thread, a shared
 * connection-rate cap, a per-connect timeout (no answer = filtered) and the global deadline. A connect scan
 * needs no privileges and completes the handshake, which is what a device's service sees from any client.
 * The port list is dealt round-robin to several selector threads (4 per core, at most 8): socket set-up is
 * CPU work in the JVM and the kernel, and on a busy machine a single thread measured 2-3x slower.
 */
public final class TcpPortScanner {
    private final int concurrency;
    private final int ratePerSecond;
    private final int connectTimeoutMillis;

    public TcpPortScanner(int concurrency, int ratePerSecond, int connectTimeoutMillis) {
        this.concurrency = Math.max(1, concurrency);
        this.ratePerSecond = ratePerSecond;
        this.connectTimeoutMillis = Math.max(1, connectTimeoutMillis);
    }

    private record Attempt(int port, long startNanos) {
    }

    private static final class Tally {
        final List<Integer> open = new ArrayList<>();
        int closed;
        int filtered;
        int notTried;
    }

    public PortScanResult scan(InetAddress host, List<Integer> ports, Deadline deadline) throws IOException {
        long t0 = System.nanoTime();
        int workers = ports.size() < 2048 ? 1 : Math.min(8, 4 * Runtime.getRuntime().availableProcessors());
        RateLimiter rate = new RateLimiter(ratePerSecond);
        List<List<Integer>> shares = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < ports.size(); i++) {
            shares.get(i % workers).add(ports.get(i));
        }
        int perWorker = Math.max(1, concurrency / workers);
        List<Tally> tallies = new ArrayList<>();
        if (workers == 1) {
            tallies.add(scanShare(host, shares.get(0), perWorker, rate, deadline));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "iotb-portscan");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Tally>> fs = new ArrayList<>();
                for (List<Integer> share : shares) {
                    fs.add(pool.submit(() -> scanShare(host, share, perWorker, rate, deadline)));
                }
                for (Future<Tally> f : fs) {
                    try {
                        tallies.add(f.get());
                    } catch (Exception e) {
                        throw new IOException("port scan worker failed", e);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Integer> open = new ArrayList<>();
        int closed = 0;
        int filtered = 0;
        int notTried = 0;
        for (Tally t : tallies) {
            open.addAll(t.open);
            closed += t.closed;
            filtered += t.filtered;
            notTried += t.notTried;
        }
        Collections.sort(open);
        return new PortScanResult(open, closed, filtered, notTried, (System.nanoTime() - t0) / 1_000_000);
    }

    private Tally scanShare(InetAddress host, List<Integer> ports, int inFlight, RateLimiter rate, Deadline deadline)
            throws IOException {
        Tally t = new Tally();
        long timeoutNanos = connectTimeoutMillis * 1_000_000L;
        int next = 0;
        long lastSweep = System.nanoTime();
        try (Selector selector = Selector.open()) {
            while ((next < ports.size() || !selector.keys().isEmpty()) && !deadline.expired()) {
                int allowed = next < ports.size() ? rate.take(Math.min(ports.size() - next,
                        inFlight - selector.keys().size())) : 0;
                for (int k = 0; k < allowed; k++) {
                    int port = ports.get(next++);
                    SocketChannel ch = SocketChannel.open();
                    try {
                        ch.configureBlocking(false);
                        if (ch.connect(new InetSocketAddress(host, port))) {
                            if (!selfConnected(ch, port)) {
                                t.open.add(port);
                            }
                            closeQuietly(ch, true);
                        } else {
                            ch.register(selector, SelectionKey.OP_CONNECT, new Attempt(port, System.nanoTime()));
                        }
                    } catch (IOException e) {
                        t.closed++;
                        ch.close();
                    }
                }
                boolean canStartMore = next < ports.size() && selector.keys().size() < inFlight && allowed > 0;
                if (canStartMore) {
                    selector.selectNow();
                } else {
                    selector.select(next < ports.size() ? 1 : 10);
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    Attempt a = (Attempt) key.attachment();
                    SocketChannel ch = (SocketChannel) key.channel();
                    boolean isOpen = false;
                    try {
                        isOpen = ch.finishConnect();
                    } catch (IOException e) {
                        t.closed++;
                    }
                    if (isOpen && selfConnected(ch, a.port())) {
                        // loopback only: connecting to the port the kernel picked as our own source port makes a
                        // socket talk to itself (TCP simultaneous open); nothing listens there
                        isOpen = false;
                        t.closed++;
                    }
                    if (isOpen) {
                        t.open.add(a.port());
                    }
                    key.cancel();
                    closeQuietly(ch, isOpen);
                }
                long now = System.nanoTime();
                // sweeping every key for time-outs is O(in-flight): do it a few times per second, not per loop
                if (now - lastSweep > 20_000_000L) {
                    lastSweep = now;
                    for (SelectionKey key : selector.keys()) {
                        if (key.isValid() && now - ((Attempt) key.attachment()).startNanos() > timeoutNanos) {
                            t.filtered++;
                            key.cancel();
                            key.channel().close();
                        }
                    }
                }
            }
            for (SelectionKey key : selector.keys()) {
                if (key.isValid()) {
                    t.notTried++;
                }
                key.channel().close();
            }
            t.notTried += ports.size() - next;
        }
        return t;
    }

    private static boolean selfConnected(SocketChannel ch, int port) {
        try {
            return ch.getLocalAddress() instanceof InetSocketAddress l && l.getPort() == port
                    && ch.getRemoteAddress() instanceof InetSocketAddress r && r.getAddress().equals(l.getAddress());
        } catch (IOException e) {
            return false;
        }
    }

    /** Open ports are reset rather than closed politely, so that no TIME_WAIT sockets pile up on our side. */
    private static void closeQuietly(SocketChannel ch, boolean reset) {
        try {
            if (reset) {
                ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
