package org.iotb.fs.testing;

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
 * A test sink: writes regular files under a root directory (refusing anything that would land outside it)
 * and records every entry, so tests can compare with a reference tool's output.
 */
public final class RecordingSink implements org.iotb.unpack.spi.ExtractionSink {
    private final Path root;
    public final Map<String, Entry> entries = new TreeMap<>();
    public final Map<String, String> hardlinks = new TreeMap<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> escapes = new ArrayList<>();
    private final boolean writeFiles;
    private final long maxFileBytes;

    public RecordingSink(Path root) {
        this(root, true, Long.MAX_VALUE);
    }

    /** {@code maxFileBytes} plays the engine's size limit: a file is read no further (fuzzing of sparse giants). */
    public RecordingSink(Path root, boolean writeFiles, long maxFileBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.writeFiles = writeFiles;
        this.maxFileBytes = maxFileBytes;
    }

    private Path inside(String path) {
        Path p = root.resolve(path).normalize();
        if (path.startsWith("/") || path.isEmpty() || !p.startsWith(root) || p.equals(root)
                || java.util.Arrays.asList(path.split("/")).contains("..")) {
            escapes.add(path);
            return null;
        }
        return p;
    }

    private void record(String path, Entry e) {
        if (entries.put(path, e) != null) {
            warnings.add("test sink: duplicate path " + path);
        }
    }

    @Override
    public void directory(String path, int mode, long mtime) throws IOException {
        Path p = inside(path);
        if (p != null && writeFiles) {
            Files.createDirectories(p);
        }
        record(path, Entry.dir(mode));
    }

    @Override
    public boolean file(String path, int mode, long mtime, InputStream content) throws IOException {
        Path p = inside(path);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        OutputStream out = OutputStream.nullOutputStream();
        if (p != null && writeFiles) {
            Files.createDirectories(p.getParent());
            out = Files.newOutputStream(p);
        }
        try (OutputStream o = new DigestOutputStream(out, md)) {
            byte[] buf = new byte[65536];
            int n;
            while (size < maxFileBytes && (n = content.read(buf)) > 0) {
                o.write(buf, 0, n);
                size += n;
            }
        }
        record(path, Entry.file(mode, size, HexFormat.of().formatHex(md.digest())));
        return true;
    }

    @Override
    public void symlink(String path, String target, int mode) {
        inside(path);
        record(path, Entry.symlink(target));
    }

    @Override
    public void hardlink(String path, String target) {
        inside(path);
        hardlinks.put(path, target);
    }

    @Override
    public void special(String path, char type, int major, int minor, int mode) {
        inside(path);
        record(path, new Entry(type, mode & 07777, 0, null, null, major, minor));
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    /** Entries with each hard link replaced by a copy of its target's entry, as a plain tree would show. */
    public Map<String, Entry> resolved() {
        Map<String, Entry> all = new TreeMap<>(entries);
        hardlinks.forEach((link, target) -> all.put(link, entries.get(target)));
        return all;
    }
}
