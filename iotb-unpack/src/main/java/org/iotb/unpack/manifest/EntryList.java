package org.iotb.unpack.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.iotb.model.Json;

/**
 * The manifest's entries with bounded memory (issue #20: a 100 000-entry archive held every entry on the heap).
 * The first {@code held} entries stay in memory; every later one is written as one JSON line to a spill file
 * and only its position is kept (12 bytes an entry). Reading an entry back parses its line; replacing one appends
 * the new line. The spill file is created in the output directory without following links and unlinked at once
 * where the system allows (POSIX): it lives as long as this list's open channel and leaves nothing behind.
 *
 * <p>A list, so the manifest is written and read as before: {@code manifest.json} holds all entries in order.
 * Not thread-safe (one unpack runs on one thread).
 */
public final class EntryList extends AbstractList<ManifestEntry> implements Closeable {
    /** Entries held in memory before the rest spill to disk. */
    public static final int DEFAULT_HELD = 20_000;

    private final int held;
    private final Path spillDir;
    private final List<ManifestEntry> inMemory = new ArrayList<>();
    private final ObjectMapper json = Json.mapper();
    private FileChannel spill;
    private long spillEnd;
    private long[] offsets = new long[0];
    private int[] lengths = new int[0];
    private int spilled;

    /** @param spillDir a real directory (the unpack's output directory) for the spill file */
    public EntryList(Path spillDir, int held) {
        this.spillDir = spillDir;
        this.held = Math.max(0, held);
    }

    @Override
    public int size() {
        return inMemory.size() + spilled;
    }

    /** How many entries went to the spill file rather than the heap. */
    public int spilled() {
        return spilled;
    }

    @Override
    public boolean add(ManifestEntry e) {
        if (spilled == 0 && inMemory.size() < held) {
            inMemory.add(e);
        } else {
            if (spilled == offsets.length) {
                int n = Math.max(1024, spilled * 2);
                offsets = Arrays.copyOf(offsets, n);
                lengths = Arrays.copyOf(lengths, n);
            }
            write(spilled, e);
            spilled++;
        }
        modCount++;
        return true;
    }

    @Override
    public ManifestEntry get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i);
        }
        if (i < inMemory.size()) {
            return inMemory.get(i);
        }
        int k = i - inMemory.size();
        try {
            ByteBuffer b = ByteBuffer.allocate(lengths[k]);
            long at = offsets[k];
            while (b.hasRemaining()) {
                if (spill.read(b, at + b.position()) < 0) {
                    throw new IOException("spill file ended early");
                }
            }
            return json.readValue(b.array(), ManifestEntry.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading back manifest entry " + i, e);
        }
    }

    @Override
    public ManifestEntry set(int i, ManifestEntry e) {
        ManifestEntry old = get(i);
        if (i < inMemory.size()) {
            inMemory.set(i, e);
        } else {
            write(i - inMemory.size(), e); // appended; the old line is simply no longer pointed to
        }
        return old;
    }

    private void write(int k, ManifestEntry e) {
        try {
            if (spill == null) {
                open();
            }
            byte[] line = json.writeValueAsBytes(e);
            ByteBuffer b = ByteBuffer.wrap(line);
            long at = spillEnd;
            while (b.hasRemaining()) {
                spill.write(b, at + b.position());
            }
            spillEnd += line.length;
            offsets[k] = at;
            lengths[k] = line.length;
        } catch (IOException ex) {
            throw new UncheckedIOException("spilling manifest entries to " + spillDir, ex);
        }
    }

    private void open() throws IOException {
        Path f = spillDir.resolve(".manifest-entries." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        // CREATE_NEW never follows a link planted at the name
        spill = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try {
            Files.delete(f); // POSIX: the open channel keeps the data; nothing is left behind, even on a crash
        } catch (IOException notOnThisSystem) {
            f.toFile().deleteOnExit();
        }
    }

    @Override
    public void close() throws IOException {
        if (spill != null) {
            spill.close();
        }
    }
}
