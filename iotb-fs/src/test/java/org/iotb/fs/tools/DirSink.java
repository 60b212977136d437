package org.iotb.fs.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * The benchmark's sink: writes directories and regular files under a root (refusing paths that leave it),
 * counts links and specials without creating them, hashes nothing, so the timing is the reader's.
 */
final class DirSink implements ExtractionSink {
    private final Path root;
    final AtomicLong files = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong links = new AtomicLong();
    final AtomicLong hardlinks = new AtomicLong();
    final AtomicLong warnings = new AtomicLong();
    private final byte[] buf = new byte[1 << 18];

    private final boolean discard;

    /** {@code discard}: read every file to its end but write nothing (measures the reader alone). */
    DirSink(Path root, boolean discard) {
        this.root = root.toAbsolutePath().normalize();
        this.discard = discard;
    }

    private Path inside(String path) throws IOException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IOException("refusing " + path);
        }
        return p;
    }

    @Override
    public void directory(String path, int mode, long mtime) throws IOException {
        if (!discard) {
            Files.createDirectories(inside(path));
        }
    }

    @Override
    public boolean file(String path, int mode, long mtime, InputStream content) throws IOException {
        Path p = inside(path);
        // parents were created by directory(), which readers call before a directory's contents
        try (OutputStream out = discard ? OutputStream.nullOutputStream() : new java.io.FileOutputStream(p.toFile())) {
            int n;
            while ((n = content.read(buf)) > 0) {
                out.write(buf, 0, n);
                bytes.addAndGet(n);
            }
        }
        files.incrementAndGet();
        return true;
    }

    @Override
    public void symlink(String path, String target, int mode) {
        links.incrementAndGet();
    }

    @Override
    public void hardlink(String path, String target) {
        hardlinks.incrementAndGet();
    }

    @Override
    public void special(String path, char type, int major, int minor, int mode) {
    }

    @Override
    public void warn(String message) {
        if (warnings.incrementAndGet() <= 20) {
            System.out.println("warn: " + message);
        }
    }

    @Override
    public boolean cancelled() {
        return false;
    }
}
