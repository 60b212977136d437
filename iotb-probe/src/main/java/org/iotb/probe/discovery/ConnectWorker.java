package org.iotb.probe.discovery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.net.RateLimiter;

/**
 * One selector thread of the connect scan: keeps up to {@code inFlight} non-blocking connects open and sorts
 * each port into open / closed / filtered.
 *
 * <p>Cost notes (measured with perf on a full loopback scan, where the kernel work of socket+connect+close is
 * the floor): a refused connect is recognised without {@code finishConnect()}, because that call turns the
 * refusal into a {@code ConnectException} thrown from native code (message formatting, JNI object creation,
 * stack trace) which cost more than a fifth of the scan's CPU. Each pending connect is registered for
 * {@code OP_CONNECT | OP_READ}: the selector adds OP_READ when the socket has an error pending (documented in
 * {@link SelectionKey#OP_READ}), and it never adds OP_READ for data on a channel whose connect is not finished,
 * so a readable key is a refused or reset attempt and only the rest go through {@code finishConnect()}. The
 * per-port work lives in small methods ({@link #start}, {@link #settle}) so the JIT compiles them after a few
 * hundred calls; one long loop would stay interpreted for most of a cold scan.
 */
final class ConnectWorker {
    private final InetAddress host;
    private final boolean ipv4;
    private final List<Integer> ports;
    private final int inFlight;
    private final long timeoutNanos;
    private final RateLimiter rate;
    private final Deadline deadline;
    private final TcpPortScanner.Tally tally = new TcpPortScanner.Tally();
    private int next;
    private int pending;

    ConnectWorker(InetAddress host, List<Integer> ports, int inFlight, int connectTimeoutMillis, RateLimiter rate,
            Deadline deadline) {
        this.host = host;
        this.ipv4 = host instanceof Inet4Address;
        this.ports = ports;
        this.inFlight = Math.max(1, inFlight);
        this.timeoutNanos = Math.max(1, connectTimeoutMillis) * 1_000_000L;
        this.rate = rate;
        this.deadline = deadline;
    }

    /** What a pending connect remembers: its port and when it started (for the time-out). */
    private record Attempt(int port, long startNanos) {
    }

    TcpPortScanner.Tally run() throws IOException {
        long lastSweep = System.nanoTime();
        try (Selector selector = Selector.open()) {
            while ((next < ports.size() || pending > 0) && !deadline.expired()) {
                int allowed = next < ports.size() ? rate.take(Math.min(ports.size() - next, inFlight - pending)) : 0;
                for (int k = 0; k < allowed; k++) {
                    start(selector, ports.get(next++));
                }
                boolean canStartMore = next < ports.size() && pending < inFlight && allowed > 0;
                if (canStartMore) {
                    selector.selectNow();
                } else {
                    selector.select(next < ports.size() ? 1 : 10);
                }
                Set<SelectionKey> ready = selector.selectedKeys();
                if (!ready.isEmpty()) {
                    Iterator<SelectionKey> it = ready.iterator();
                    while (it.hasNext()) {
                        settle(it.next());
                        it.remove();
                    }
                }
                long now = System.nanoTime();
                // sweeping every key for time-outs is O(in-flight): do it a few times per second, not per loop
                if (pending > 0 && now - lastSweep > 20_000_000L) {
                    lastSweep = now;
                    expire(selector, now);
                }
            }
            for (SelectionKey key : selector.keys()) {
                if (key.isValid()) {
                    tally.notTried++;
                }
                key.channel().close();
            }
            tally.notTried += ports.size() - next;
        }
        return tally;
    }

    /** Starts one connect; a loopback or LAN answer may already be there when connect() returns. */
    private void start(Selector selector, int port) throws IOException {
        // an IPv4 socket for an IPv4 target skips the kernel's IPv4-mapped-IPv6 path of a dual-stack socket
        SocketChannel ch = ipv4 ? SocketChannel.open(StandardProtocolFamily.INET) : SocketChannel.open();
        try {
            ch.configureBlocking(false);
            if (ch.connect(new InetSocketAddress(host, port))) {
                connected(ch, port);
            } else {
                ch.register(selector, SelectionKey.OP_CONNECT | SelectionKey.OP_READ,
                        new Attempt(port, System.nanoTime()));
                pending++;
            }
        } catch (IOException e) {
            tally.closed++;
            ch.close();
        }
    }

    /** A selected key: refused (error pending, see the class comment), open, or - rarely - failed late. */
    private void settle(SelectionKey key) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        int port = ((Attempt) key.attachment()).port();
        pending--;
        if (key.isReadable()) {
            tally.closed++;
            key.cancel();
            ch.close();
            return;
        }
        boolean isOpen;
        try {
            isOpen = ch.finishConnect();
        } catch (IOException e) {
            tally.closed++;
            key.cancel();
            ch.close();
            return;
        }
        if (isOpen) {
            key.cancel();
            connected(ch, port);
        } else {
            pending++; // woken up without an answer: stays registered until it answers or times out
        }
    }

    private void connected(SocketChannel ch, int port) {
        if (selfConnected(ch, port)) {
            // loopback only: connecting to the port the kernel picked as our own source port makes a socket
            // talk to itself (TCP simultaneous open); nothing listens there
            tally.closed++;
        } else {
            tally.open.add(port);
        }
        reset(ch);
    }

    private void expire(Selector selector, long now) throws IOException {
        List<SelectionKey> late = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && now - ((Attempt) key.attachment()).startNanos() > timeoutNanos) {
                late.add(key);
            }
        }
        for (SelectionKey key : late) {
            tally.filtered++;
            pending--;
            key.cancel();
            key.channel().close();
        }
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
    private static void reset(SocketChannel ch) {
        try {
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException ignored) {
            // the close below still releases the socket
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
