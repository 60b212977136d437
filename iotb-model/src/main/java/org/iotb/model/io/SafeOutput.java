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
 * <p>The folder's ancestors are checked too: a symbolic link among them is refused unless root or the user owns it (the
 * system's own layout, the user's own links), see {@link #refuseLinkedAncestors}. Limits: the check and the creation are separate steps
 * (a link planted between them, in a folder the attacker may write, is not caught; the final rename still never
 * writes through a link); the new file gets the process's default permissions (umask), like before.
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
     * Makes sure {@code dir} is a real directory: creates it (and missing parents, one at a time, each with a call
     * that never follows a link) when absent, refuses a symbolic link or anything else standing at that name, and
     * refuses a symbolic link among its ancestors unless root or the user owns it ({@link #refuseLinkedAncestors}). Returns
     * {@code dir}.
     */
    public static Path directory(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        refuseLinkedAncestors(d, dir);
        Path parent = d.getParent();
        // the links among the parents were vetted above: only root's and the user's are left, and those are followed
        if (parent != null && !Files.isDirectory(parent)) {
            directory(parent);
        }
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
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
     * Refuses an output path that passes through a symbolic link (issue #20: {@code -o a/b/c} with {@code a/b} a
     * link planted by another user of a shared folder would create and write {@code c} wherever the link points).
     * Only links root or the user running iotb owns are passed through: root's are the system's layout (macOS's
     * {@code /tmp} and {@code /var}, a {@code /home} moved elsewhere), the user's own are the user's doing, and no
     * other user can make a link owned by either. A link another user owns is refused, with the real path to give
     * instead.
     */
    static void refuseLinkedAncestors(Path absolute, Path asGiven) throws IOException {
        Path root = absolute.getRoot();
        Path walked = root;
        int n = absolute.getNameCount();
        for (int i = 0; i < n - 1; i++) {
            walked = walked == null ? absolute.getName(i) : walked.resolve(absolute.getName(i));
            if (!Files.isSymbolicLink(walked)) {
                if (!Files.exists(walked, LinkOption.NOFOLLOW_LINKS)) {
                    return; // the rest is missing: it is created below, one real directory at a time
                }
                continue;
            }
            if (ownedByRootOrSelf(walked)) {
                continue;
            }
            String real;
            try {
                real = walked.toRealPath().resolve(walked.relativize(absolute)).normalize().toString();
            } catch (IOException dangling) {
                real = "(the link leads nowhere)";
            }
            throw new PathRefusedException("output path " + asGiven + " goes through the symbolic link " + walked
                    + "; refused (an output folder is reached only through real directories; give the real path "
                    + real + ")");
        }
    }

    /** Root's links and the user's own: nobody else can own a link, so neither was planted by another user. */
    private static boolean ownedByRootOrSelf(Path link) {
        try {
            Object uid = Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return uid instanceof Integer u && (u == 0 || u.equals(currentUid()));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return false;
        }
    }

    /** The process's user id on Linux ({@code /proc/self} leads to the process's own folder), else null. */
    private static Integer currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
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
