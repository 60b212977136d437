package org.iotb.probe.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.testing.MisbehavingServers;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connect scan on loopback: exact open/closed/filtered sorting, the rate cap and the deadline. */
class TcpPortScannerTest {
    static final InetAddress LO = InetAddress.getLoopbackAddress();
    final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : resources) {
            c.close();
        }
    }

    /** A listener that talks first (like SSH or FTP): its banner may arrive before the scanner finishes connect. */
    int bannerServer() throws IOException {
        ServerSocket ss = new ServerSocket(0, 200, LO);
        resources.add(ss);
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-test\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed by the test, or the scanner reset us
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return ss.getLocalPort();
    }

    int silentServer() throws IOException {
        ServerSocket ss = new ServerSocket(0, 200, LO);
        resources.add(ss);
        return ss.getLocalPort();
    }

    @Test
    void sortsListenersFromRefusedPortsAcrossWorkers() throws Exception {
        int banner = bannerServer();
        int silent = silentServer();
        int closedA = ServerProcess.freePort();
        int closedB = ServerProcess.freePort();
        // enough ports for several selector threads; the closed ports repeat so that no stranger's listener on a
        // shared machine can land in the list
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ports.add(i % 2 == 0 ? closedA : closedB);
        }
        ports.add(1234, banner);
        ports.add(2345, silent);
        PortScanResult r = new TcpPortScanner(512, 0, 2000).scan(LO, ports, Deadline.in(Duration.ofSeconds(30)));
        assertThat(r.open()).containsExactly(Math.min(banner, silent), Math.max(banner, silent));
        assertThat(r.closed()).isEqualTo(3000);
        assertThat(r.filtered()).isZero();
        assertThat(r.complete()).isTrue();
    }

    @Test
    void bannerServerIsOpenEveryTime() throws Exception {
        // the refused-port shortcut must never take a talking server's early data for an error
        int banner = bannerServer();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ports.add(banner);
        }
        PortScanResult r = new TcpPortScanner(16, 0, 2000).scan(LO, ports, Deadline.in(Duration.ofSeconds(30)));
        assertThat(r.open()).hasSize(150).containsOnly(banner);
        assertThat(r.closed()).isZero();
    }

    @Test
    void unansweredConnectIsFilteredAfterTheTimeout() throws Exception {
        try (MisbehavingServers m = new MisbehavingServers()) {
            int closed = ServerProcess.freePort();
            long t0 = System.nanoTime();
            PortScanResult r = new TcpPortScanner(8, 0, 400).scan(LO, List.of(m.blackholePort, closed, m.silentPort),
                    Deadline.in(Duration.ofSeconds(10)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.open()).containsExactly(m.silentPort);
            assertThat(r.filtered()).isEqualTo(1);
            assertThat(r.closed()).isEqualTo(1);
            assertThat(ms).isBetween(350L, 5000L);
        }
    }

    @Test
    void deadlineCutsTheScanAndCountsWhatWasNotTried() throws Exception {
        try (MisbehavingServers m = new MisbehavingServers()) {
            long t0 = System.nanoTime();
            PortScanResult r = new TcpPortScanner(1, 0, 30_000).scan(LO, List.of(m.blackholePort, m.silentPort),
                    Deadline.in(Duration.ofMillis(300)));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
            assertThat(r.complete()).isFalse();
            assertThat(r.notTried()).isEqualTo(2);
        }
    }

    @Test
    void rateCapSpreadsConnectsOverTime() throws Exception {
        int closed = ServerProcess.freePort();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ports.add(closed);
        }
        // 600 connects at 2,000/s with a 20 ms burst: at least (600 - 40) / 2000 s = 280 ms
        PortScanResult r = new TcpPortScanner(512, 2000, 1000).scan(LO, ports, Deadline.in(Duration.ofSeconds(20)));
        assertThat(r.closed()).isEqualTo(600);
        assertThat(r.millis()).isGreaterThanOrEqualTo(270);
    }
}
