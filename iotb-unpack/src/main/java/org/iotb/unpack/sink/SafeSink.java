package org.iotb.unpack.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.manifest.EntryType;
import org.iotb.unpack.manifest.ManifestEntry;
import org.iotb.unpack.manifest.ProvenanceStep;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * The single gate for every write of one container's extraction. Names are sanitised
 * ({@link NameSanitizer}); directories are created one component at a time and never through a symlink or
 * over a file; files are opened with O_CREAT|O_EXCL|O_NOFOLLOW; symlinks are created only when
 * {@link SymlinkTargets} proves they stay inside; hard links and device nodes are recorded only; the size,
 * ratio, count, byte and time limits are enforced while copying. Every refusal becomes a warning.
 */
public final class SafeSink implements ExtractionSink {
    private static final int COPY_BUFFER = 64 * 1024;

    private final Path root;
    private final String rootRel;
    private final List<ProvenanceStep> provenance;
    private final Budget budget;
    private final Warnings warnings;
    private final String label;
    private final long inputLength;
    private final UnpackOptions options;
    private final Map<String, ManifestEntry> entries = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Set<String> knownDirs = new HashSet<>();
    private long bytesOut;
    private String stopped;
    private long extent = -1;
    private boolean budgetWarned;

    /**
     * @param root        an existing real directory inside the output tree, the root of this container
     * @param rootRel     its path relative to the output directory, '/'-separated
     * @param inputLength bytes of input this container came from (for the compression-ratio limit)
     */
    public SafeSink(Path root, String rootRel, List<ProvenanceStep> provenance, Budget budget, Warnings warnings,
                    String label, long inputLength) {
        this.root = root;
        this.rootRel = rootRel;
        this.provenance = List.copyOf(provenance);
        this.budget = budget;
        this.warnings = warnings;
        this.label = label;
        this.inputLength = Math.max(1, inputLength);
        this.options = budget.options();
    }

    @Override
    public void directory(String path, int mode, long mtimeSeconds) throws IOException {
        if (isRoot(path)) {
            return; // "." or "/": the container root itself, which exists already
        }
        SanitizedPath sp = sanitize(path);
        if (sp == null || !takeEntry(path)) {
            return;
        }
        if (ensureDirs(sp.components(), sp.depth(), path) == null) {
            return;
        }
        String rel = sp.joined();
        entries.put(rel, new ManifestEntry(relOut(rel), EntryType.DIRECTORY, null, null, null, mode & 07777,
                mtimeSeconds, null, null, null, null, sp.changed() ? path : null, null, provenance));
    }

    @Override
    public boolean file(String path, int mode, long mtimeSeconds, InputStream content) throws IOException {
        if (cancelled()) {
            noteStopped(path);
            return false;
        }
        SanitizedPath sp = sanitize(path);
        if (sp == null || !takeEntry(path)) {
            return false;
        }
        Path parent = ensureDirs(sp.components(), sp.depth() - 1, path);
        if (parent == null) {
            return false;
        }
        String rel = sp.joined();
        Path target = parent.resolve(sp.components().get(sp.depth() - 1));
        OutputStream opened;
        try {
            opened = createNew(target);
        } catch (FileAlreadyExistsException e) {
            // a duplicate name: replace a file or link (never follow it), refuse over a directory
            if (!clearForFile(target, path, rel)) {
                return false;
            }
            opened = createNew(target);
        }
        MessageDigest sha = sha256();
        long written = 0;
        boolean truncated = false;
        try (OutputStream os = opened) {
            byte[] buf = new byte[COPY_BUFFER];
            while (true) {
                long allowed = allowance(written);
                if (allowed <= 0) {
                    truncated = hasMore(content);
                    if (truncated) {
                        warn("'" + NameSanitizer.printable(path) + "' cut at " + written + " bytes: " + limitReason(written));
                    }
                    break;
                }
                int n;
                try {
                    n = content.read(buf, 0, (int) Math.min(buf.length, allowed));
                } catch (IOException | RuntimeException e) {
                    truncated = true;
                    warn("'" + NameSanitizer.printable(path) + "' cut at " + written + " bytes: " + describe(e));
                    break;
                }
                if (n < 0) {
                    break;
                }
                os.write(buf, 0, n);
                sha.update(buf, 0, n);
                written += n;
                bytesOut += n;
                budget.addBytes(n);
            }
        }
        applyMode(target, mode, false);
        entries.put(rel, new ManifestEntry(relOut(rel), EntryType.FILE, written, HexFormat.of().formatHex(sha.digest()),
                null, mode & 07777, mtimeSeconds, null, null, null, null, sp.changed() ? path : null,
                truncated ? Boolean.TRUE : null, provenance));
        files.put(rel, target);
        return !truncated;
    }

    @Override
    public void symlink(String path, String target, int mode) throws IOException {
        SanitizedPath sp = sanitize(path);
        if (sp == null || !takeEntry(path)) {
            return;
        }
        Path parent = ensureDirs(sp.components(), sp.depth() - 1, path);
        if (parent == null) {
            return;
        }
        String rel = sp.joined();
        Path link = parent.resolve(sp.components().get(sp.depth() - 1));
        String safe = SymlinkTargets.safeTarget(target, sp.depth() - 1);
        boolean created = false;
        if (safe == null) {
            warn("symlink '" + NameSanitizer.printable(path) + "' -> '" + NameSanitizer.printable(String.valueOf(target))
                    + "' points outside its tree: recorded, not created");
        } else if (clearForFile(link, path, rel)) {
            try {
                Files.createSymbolicLink(link, Paths.get(safe));
                created = true;
            } catch (IOException | UnsupportedOperationException e) {
                warn("symlink '" + NameSanitizer.printable(path) + "' not created: " + describe(e));
            }
        }
        files.remove(rel);
        entries.put(rel, new ManifestEntry(relOut(rel), EntryType.SYMLINK, null, null, null, mode & 07777, null,
                target, created, null, null, sp.changed() ? path : null, null, provenance));
    }

    @Override
    public void hardlink(String path, String target) throws IOException {
        SanitizedPath sp = sanitize(path);
        if (sp == null || !takeEntry(path)) {
            return;
        }
        String rel = sp.joined();
        ManifestEntry to = null;
        try {
            to = entries.get(NameSanitizer.sanitize(target).joined());
        } catch (UnsafeNameException e) {
            warn("hard link '" + NameSanitizer.printable(path) + "' has an unsafe target: " + e.getMessage());
        }
        entries.put(rel, new ManifestEntry(relOut(rel), EntryType.HARDLINK, to == null ? null : to.size(),
                to == null ? null : to.sha256(), null, to == null ? null : to.mode(), null, target, false, null, null,
                sp.changed() ? path : null, null, provenance));
    }

    @Override
    public void special(String path, char type, int major, int minor, int mode) throws IOException {
        SanitizedPath sp = sanitize(path);
        if (sp == null || !takeEntry(path)) {
            return;
        }
        EntryType t;
        try {
            t = EntryType.special(type);
        } catch (IllegalArgumentException e) {
            warn("'" + NameSanitizer.printable(path) + "': " + e.getMessage());
            return;
        }
        boolean device = t == EntryType.CHAR_DEVICE || t == EntryType.BLOCK_DEVICE;
        String rel = sp.joined();
        entries.put(rel, new ManifestEntry(relOut(rel), t, null, null, null, mode & 07777, null, null, null,
                device ? major : null, device ? minor : null, sp.changed() ? path : null, null, provenance));
    }

    @Override
    public void warn(String message) {
        warnings.add(label + ": " + message);
    }

    @Override
    public boolean cancelled() {
        return stopped != null || budget.isExhausted();
    }

    @Override
    public void extent(long length) {
        if (length > 0) {
            extent = length;
        }
    }

    /** The structure's real length as the handler reported it, or -1. */
    public long reportedExtent() {
        return extent;
    }

    public List<ManifestEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Regular files written, by path relative to the container root. */
    public Map<String, Path> writtenFiles() {
        return new LinkedHashMap<>(files);
    }

    /** Replaces an entry (the engine adds the detected type after looking at the file). */
    public void updateEntry(String rel, ManifestEntry e) {
        entries.put(rel, e);
    }

    public Path root() {
        return root;
    }

    public String rootRel() {
        return rootRel;
    }

    public long bytesOut() {
        return bytesOut;
    }

    // ---- internals

    private long allowance(long writtenThisFile) {
        long a = options.maxFileSize() - writtenThisFile;
        a = Math.min(a, budget.bytesLeft());
        if (budget.isExhausted()) {
            return 0;
        }
        long ratioCap = Math.max(options.ratioFloorBytes(), (long) Math.min(Long.MAX_VALUE / 2.0,
                (double) options.maxRatio() * inputLength));
        long ratioLeft = ratioCap - bytesOut;
        if (ratioLeft <= 0 && stopped == null) {
            stopped = "compression-ratio limit of " + options.maxRatio() + ":1 reached (" + bytesOut
                    + " bytes out of " + inputLength + " bytes)";
            warn(stopped + "; rest of this container skipped");
        }
        return Math.min(a, ratioLeft);
    }

    private static boolean hasMore(InputStream in) {
        try {
            return in.read() != -1;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private String limitReason(long writtenThisFile) {
        if (writtenThisFile >= options.maxFileSize()) {
            return "per-file size limit of " + options.maxFileSize() + " bytes";
        }
        if (budget.exhausted() != null) {
            return budget.exhausted();
        }
        return stopped != null ? stopped : "limit";
    }

    private boolean takeEntry(String path) {
        if (budget.takeEntry()) {
            return true;
        }
        noteStopped(path);
        return false;
    }

    private void noteStopped(String path) {
        if (!budgetWarned) {
            budgetWarned = true;
            String why = budget.exhausted() != null ? budget.exhausted() : stopped;
            warn("stopped before '" + NameSanitizer.printable(path) + "': " + why);
        }
    }

    private static boolean isRoot(String path) {
        return path != null && !path.isEmpty() && path.replace("/", "").replace(".", "").isEmpty() && !path.contains("..");
    }

    private SanitizedPath sanitize(String path) {
        try {
            return NameSanitizer.sanitize(path);
        } catch (UnsafeNameException e) {
            warn("refused entry: " + e.getMessage());
            return null;
        }
    }

    /** Creates the first {@code count} components as real directories; null (with a warning) if refused. */
    private Path ensureDirs(List<String> comps, int count, String stored) throws IOException {
        Path cur = root;
        StringBuilder rel = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String c = comps.get(i);
            if (i > 0) {
                rel.append('/');
            }
            rel.append(c);
            Path next = cur.resolve(c);
            String key = rel.toString();
            if (!knownDirs.contains(key)) {
                BasicFileAttributes a = attrs(next);
                if (a == null) {
                    ManifestEntry recorded = entries.get(key);
                    if (recorded != null && recorded.type() != EntryType.DIRECTORY) {
                        // e.g. a symlink recorded but not created: its name never becomes a directory
                        warn("refused '" + NameSanitizer.printable(stored) + "': '" + key + "' is a recorded "
                                + recorded.type().json());
                        return null;
                    }
                    try {
                        Files.createDirectory(next);
                    } catch (FileAlreadyExistsException e) {
                        warn("refused '" + NameSanitizer.printable(stored) + "': '" + key + "' appeared concurrently");
                        return null;
                    }
                } else if (a.isSymbolicLink()) {
                    warn("refused '" + NameSanitizer.printable(stored) + "': it would be written through the symlink '"
                            + key + "'");
                    return null;
                } else if (!a.isDirectory()) {
                    warn("refused '" + NameSanitizer.printable(stored) + "': '" + key + "' is not a directory");
                    return null;
                }
                knownDirs.add(key);
            }
            cur = next;
        }
        return cur;
    }

    /** Makes room for a new file or link at {@code target}: a duplicate regular file or link is replaced. */
    private boolean clearForFile(Path target, String stored, String rel) throws IOException {
        BasicFileAttributes a = attrs(target);
        if (a == null) {
            return true;
        }
        if (a.isDirectory()) {
            warn("refused '" + NameSanitizer.printable(stored) + "': a directory already has that name");
            return false;
        }
        // A later entry of the same name replaces the earlier one, as tar and cpio do; deleting a link
        // removes the link itself, never its target.
        Files.delete(target);
        files.remove(rel);
        return true;
    }

    /** O_CREAT|O_EXCL|O_NOFOLLOW: fails on anything already there, never follows a link. */
    private static OutputStream createNew(Path target) throws IOException {
        return Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    private static BasicFileAttributes attrs(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void applyMode(Path file, int mode, boolean dir) {
        if (!dir && (mode & 0111) == 0) {
            return; // created with the default rw-r--r--; saves a syscall per file on big trees
        }
        // Stored modes are recorded in the manifest; on disk the owner can always read and write, and
        // execute bits are kept so that tools can tell executables, but never set-id bits.
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if (dir || (mode & 0111) != 0) {
            p.add(PosixFilePermission.OWNER_EXECUTE);
            p.add(PosixFilePermission.GROUP_EXECUTE);
            p.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        try {
            Files.setPosixFilePermissions(file, p);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: the manifest still has the stored mode
        }
    }

    private String relOut(String rel) {
        return rootRel.isEmpty() ? rel : rootRel + "/" + rel;
    }

    private static final MessageDigest SHA256_PROTOTYPE;

    static {
        try {
            SHA256_PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException x) {
                throw new IllegalStateException(x);
            }
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + NameSanitizer.printable(m));
    }
}
