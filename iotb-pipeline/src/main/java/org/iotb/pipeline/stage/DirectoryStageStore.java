package org.iotb.pipeline.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.iotb.model.io.SafeOutput;

/**
 * Stage outputs as files under one directory ({@code iotb assess --cache DIR}): {@code <dir>/<stage key's first two
 * hex digits>/<key>.json}. A put writes a temporary file and moves it into place ({@link SafeOutput}), so a reader
 * never sees half an output and two processes writing the same key leave one whole file. Nothing is ever deleted:
 * removing the directory (or any file in it) only costs the work of computing those stages again.
 */
public final class DirectoryStageStore implements StageStore {
    private final Path dir;

    /** @param dir created when the first output is stored; refused when it is a file or a link */
    public DirectoryStageStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path directory() {
        return dir;
    }

    /** The file an output with this key is kept in. */
    public Path file(StageKey key) {
        return dir.resolve(key.hex().substring(0, 2)).resolve(key.hex() + ".json");
    }

    @Override
    public Optional<byte[]> get(StageKey key) throws IOException {
        Path f = file(key);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(f));
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // removed meanwhile: computed again
        }
    }

    @Override
    public void put(StageKey key, byte[] output) throws IOException {
        SafeOutput.write(file(key), output);
    }
}
