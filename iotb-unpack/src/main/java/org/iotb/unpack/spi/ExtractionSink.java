package org.iotb.unpack.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a {@link FormatHandler} puts what it extracts. The engine's implementation is the single gate for
 * every write: it sanitises names, refuses absolute paths and "..", never writes through a symlink, records
 * hard links and device nodes instead of creating them, and enforces the size, count and ratio limits.
 * Paths are relative to the container being extracted, '/'-separated, as stored in the image.
 */
public interface ExtractionSink {

    void directory(String path, int mode, long mtimeSeconds) throws IOException;

    /**
     * Writes a regular file from {@code content} (read to its end or until a limit is hit).
     * Returns false when the file was refused or cut short (the reason is already recorded as a warning).
     */
    boolean file(String path, int mode, long mtimeSeconds, InputStream content) throws IOException;

    /** Records a symbolic link; it is created only if its target stays inside the output tree. */
    void symlink(String path, String target, int mode) throws IOException;

    /** Records a hard link to an earlier path of the same container (not created as a link). */
    void hardlink(String path, String target) throws IOException;

    /** Records a device node, fifo or socket ({@code type} 'c', 'b', 'p' or 's'); never created. */
    void special(String path, char type, int major, int minor, int mode) throws IOException;

    /** A malformed structure or a limit: goes to the manifest; extraction continues where it can. */
    void warn(String message);

    /** True when a limit (time, bytes, files) says to stop; long loops check it. */
    boolean cancelled();

    /**
     * Tells the engine how many bytes from the match offset the structure really occupied, when the match
     * said -1 (unknown) and extraction found out (e.g. the end of a compressed stream). Optional.
     */
    default void extent(long length) {
    }
}
