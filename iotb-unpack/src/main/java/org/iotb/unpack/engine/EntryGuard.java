package org.iotb.unpack.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.iotb.unpack.sink.NameSanitizer;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * Makes every entry a container's handler hands over independent of the others. A write that fails for one
 * entry (a path the file system refuses as too long, a name the JVM cannot encode, a disk error) used to leave
 * the handler's loop with an exception and so hide every entry after it — an adversarial vendor could hide
 * {@code /etc/shadow} behind one bad name. Here the failure becomes a warning naming the entry, the entry is
 * counted as skipped, and the handler goes on with the next one.
 */
final class EntryGuard implements ExtractionSink {
    private final ExtractionSink sink;
    private final Consumer<String> skipped;

    /** @param skipped told "name: reason" for each entry skipped here (the warning is already written) */
    EntryGuard(ExtractionSink sink, Consumer<String> skipped) {
        this.sink = sink;
        this.skipped = skipped;
    }

    private interface Write {
        void run() throws IOException;
    }

    private boolean guarded(String path, Write w) {
        try {
            w.run();
            return true;
        } catch (IOException | RuntimeException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            String name = NameSanitizer.printable(String.valueOf(path));
            sink.warn("entry '" + name + "' skipped: " + why);
            skipped.accept(name + ": " + why);
            return false;
        }
    }

    @Override
    public void directory(String path, int mode, long mtimeSeconds) {
        guarded(path, () -> sink.directory(path, mode, mtimeSeconds));
    }

    @Override
    public boolean file(String path, int mode, long mtimeSeconds, InputStream content) {
        boolean[] ok = {false};
        return guarded(path, () -> ok[0] = sink.file(path, mode, mtimeSeconds, content)) && ok[0];
    }

    @Override
    public void symlink(String path, String target, int mode) {
        guarded(path, () -> sink.symlink(path, target, mode));
    }

    @Override
    public void hardlink(String path, String target) {
        guarded(path, () -> sink.hardlink(path, target));
    }

    @Override
    public void special(String path, char type, int major, int minor, int mode) {
        guarded(path, () -> sink.special(path, type, major, minor, mode));
    }

    @Override
    public void warn(String message) {
        sink.warn(message);
    }

    @Override
    public boolean cancelled() {
        return sink.cancelled();
    }

    @Override
    public void extent(long length) {
        sink.extent(length);
    }
}
