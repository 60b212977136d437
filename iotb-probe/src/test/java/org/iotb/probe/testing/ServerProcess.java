package org.iotb.probe.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A real server (from a Debian package) started by a test on a loopback port, and killed afterwards. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    public final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Skips the test (not fails) when a binary is not installed. */
    public static String require(String binary) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin")) {
            File f = new File(dir, binary);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        Assumptions.assumeTrue(false, binary + " is not installed (see .ci/packages/iotb-probe.txt); skipping");
        return null;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static ServerProcess start(Path workDir, int port, String... command) throws Exception {
        Path log = workDir.resolve(new File(command[0]).getName() + "-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = pb.start();
        ServerProcess sp = new ServerProcess(p, log, port);
        sp.awaitTcp(10_000);
        return sp;
    }

    /** For UDP servers there is nothing to poll: wait a moment and make sure the process is still alive. */
    public static ServerProcess startUdp(Path workDir, int port, String... command) throws Exception {
        Path log = workDir.resolve(new File(command[0]).getName() + "-" + port + ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Thread.sleep(400);
        if (!p.isAlive()) {
            throw new IllegalStateException(command[0] + " exited: " + Files.readString(log));
        }
        return new ServerProcess(p, log, port);
    }

    private void awaitTcp(long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited early: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("server did not listen on " + port + ": " + Files.readString(log));
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
