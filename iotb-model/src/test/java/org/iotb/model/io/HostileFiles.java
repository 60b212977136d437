package org.iotb.model.io;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Makes the non-regular files the input tests hand to iotb: a FIFO (mkfifo) and a bound UNIX socket. */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A named pipe nobody writes to: opening it for reading blocks forever. Skips the test without mkfifo. */
    public static Path fifo(Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo not available: " + e.getMessage());
            return file;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(file), "mkfifo failed");
        return file;
    }

    /** A UNIX socket file, left bound; the caller closes the channel. */
    public static ServerSocketChannel socket(Path file) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(file));
        return ch;
    }
}
