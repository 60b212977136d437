package org.iotb.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way iotb writes a report, manifest or other output file, so that a symbolic link planted at the
 * output path (in a shared folder, by another user) is refused instead of written through.
 *
 * <p>The folder must be a real directory (not a link; created if missing). The content goes to a fresh temporary
 * file in that folder, created with {@code CREATE_NEW} (which never follows a link), and is then renamed over the
 * destination in one atomic step. A rename replaces a name, it never writes through it, so even a link planted
 * between the check and the rename is replaced, not followed. A destination that is already a link, a directory
 * or a special file is refused with {@link PathRefusedException} before anything is written.
 *
 * <p>Limits: only the last component of the folder is checked, not its ancestors (a link higher up was made by
 * whoever owns that folder); the new file gets the process's default permissions (umask), like before.
 */
public final class SafeOutput {
    private SafeOutput() {
    }

    /** What writes the content; it may close the stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Makes sure {@code dir} is a real directory: creates it (and missing parents) when absent, refuses a
     * symbolic link or anything else standing at that name. Returns {@code dir}.
     */
    public static Path directory(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = d.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directory(parent);
            }
            try {
                Files.createDirectory(d); // never follows a link at d: fails if anything is there
            } catch (FileAlreadyExistsException raced) {
                // someone made it meanwhile: checked below like any existing entry
            }
        }
        BasicFileAttributes a = Files.readAttributes(d, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw new PathRefusedException("output folder " + dir + " is a symbolic link; refused (give a real directory)");
        }
        if (!a.isDirectory()) {
            throw new PathRefusedException("output folder " + dir + " exists and is not a directory");
        }
        return dir;
    }

    /**
     * Checks, without writing, that {@link #write} may write {@code file}: its folder is a real directory (created
     * if missing) and nothing but a regular file stands at its name. For writers of several files, so that a
     * refused one is found before the others are written.
     */
    public static void checkWritable(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw new PathRefusedException("not a file path: " + file);
        }
        directory(target.getParent());
        refuseUnsafeDestination(target, file);
    }

    /** Writes {@code text} as UTF-8 to {@code file} (see the class comment). */
    public static Path writeString(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(file, out -> out.write(bytes));
    }

    /** Writes {@code bytes} to {@code file}. */
    public static Path write(Path file, byte[] bytes) throws IOException {
        return write(file, out -> out.write(bytes));
    }

    /** Writes what {@code content} produces to {@code file}, replacing a regular file there. Returns {@code file}. */
    public static Path write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null) {
            throw new PathRefusedException("not a file path: " + file);
        }
        directory(dir);
        refuseUnsafeDestination(target, file);
        String base = "." + shortened(target.getFileName().toString()) + ".";
        Path tmp = null;
        OutputStream created = null;
        for (int attempt = 0; created == null; attempt++) {
            tmp = dir.resolve(base + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                // CREATE_NEW: fails on anything already there, a link included (O_CREAT|O_EXCL never follows)
                created = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 10) {
                    throw taken;
                }
            }
        }
        boolean moved = false;
        try {
            try (OutputStream out = created) {
                content.writeTo(out);
            }
            refuseUnsafeDestination(target, file);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
        return file;
    }

    /** The destination may be absent or a regular file; a link, directory or special file is refused. */
    private static void refuseUnsafeDestination(Path target, Path asGiven) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            return;
        }
        if (a.isSymbolicLink()) {
            throw new PathRefusedException(asGiven + " is a symbolic link; refused to write through it (remove it first)");
        }
        if (!a.isRegularFile()) {
            throw new PathRefusedException(asGiven + " exists and is not a regular file; refused");
        }
    }

    private static String shortened(String name) {
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
