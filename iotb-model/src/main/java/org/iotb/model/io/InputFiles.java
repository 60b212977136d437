package org.iotb.model.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The type check every input path gets before anything opens it. Opening a FIFO blocks until a writer comes and
 * a device such as {@code /dev/zero} never ends, so anything that is not a regular file or a directory is refused
 * at once. A symbolic link named by the caller is followed (this once, for the path given): the user chose it.
 * What lies inside a directory input is the tree walker's business; it never follows links nor opens special files.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * A regular file (or a link to one), else {@link PathRefusedException}; a missing path is
     * {@link java.nio.file.NoSuchFileException}. {@code what} names the input in the message ("profile").
     */
    public static BasicFileAttributes requireFile(Path file, String what) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (a.isDirectory()) {
            throw new PathRefusedException(what + " " + file + " is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw notRegular(file, what);
        }
        return a;
    }

    /** A regular file or a directory (or a link to either), else {@link PathRefusedException}. */
    public static BasicFileAttributes requireFileOrDirectory(Path path, String what) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile() && !a.isDirectory()) {
            throw notRegular(path, what);
        }
        return a;
    }

    private static PathRefusedException notRegular(Path p, String what) {
        return new PathRefusedException(what + " " + p + " is not a regular file (a device, FIFO or socket); refused");
    }
}
