package org.iotb.fs.flash.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test {@link org.iotb.unpack.spi.ExtractionSink}: writes regular files under a root directory (refusing, and
 * recording, any path that would leave it), records everything else, and keeps a comparable snapshot.
 */
public final class RecordingSink implements org.iotb.unpack.spi.ExtractionSink {
    private final Path root;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, String> hardlinks = new TreeMap<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> escapes = new ArrayList<>();
    private final long maxFileBytes;
    private int calls;
    private final int maxCalls;

    public RecordingSink(Path root) {
        this(root, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    public RecordingSink(Path root, long maxFileBytes, int maxCalls) {
        this.root = root.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
        this.maxCalls = maxCalls;
    }

    private Path resolve(String path) {
        calls++;
        Path p = root.resolve(path).normalize();
        if (path.startsWith("/") || !p.startsWith(root) || p.equals(root)) {
            escapes.add(path);
            return null;
        }
        return p;
    }

    @Override
    public void directory(String path, int mode, long mtime) throws IOException {
        Path p = resolve(path);
        if (p != null) {
            Files.createDirectories(p);
            entries.put(path, new Entry('d', 0, null, null, mode, null));
        }
    }

    @Override
    public boolean file(String path, int mode, long mtime, InputStream content) throws IOException {
        Path p = resolve(path);
        if (p == null) {
            return false;
        }
        Files.createDirectories(p.getParent());
        MessageDigest md = sha256();
        long n = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(p), md)) {
            byte[] buf = new byte[8192];
            int k;
            while ((k = content.read(buf)) > 0) {
                n += k;
                if (n > maxFileBytes) {
                    warnings.add("test sink: file limit hit for " + path);
                    entries.put(path, new Entry('f', n, null, null, mode, null));
                    return false;
                }
                out.write(buf, 0, k);
            }
        }
        entries.put(path, new Entry('f', n, HexFormat.of().formatHex(md.digest()), null, mode, null));
        return true;
    }

    @Override
    public void symlink(String path, String target, int mode) {
        if (resolve(path) != null) {
            entries.put(path, new Entry('l', 0, null, target, 0, null));
        }
    }

    @Override
    public void hardlink(String path, String target) {
        if (resolve(path) != null) {
            hardlinks.put(path, target);
        }
    }

    @Override
    public void special(String path, char type, int major, int minor, int mode) {
        if (resolve(path) != null) {
            entries.put(path, new Entry(type, 0, null, null, mode, type == 'c' || type == 'b' ? major + ":" + minor : null));
        }
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public boolean cancelled() {
        return calls > maxCalls;
    }

    public Map<String, String> hardlinks() {
        return hardlinks;
    }

    /** Entries with hard links resolved to what they point at (how a source tree walk sees them). */
    public Map<String, Entry> snapshot() {
        Map<String, Entry> m = new TreeMap<>(entries);
        hardlinks.forEach((p, t) -> {
            Entry target = entries.get(t);
            if (target != null) {
                m.put(p, target);
            }
        });
        return m;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
