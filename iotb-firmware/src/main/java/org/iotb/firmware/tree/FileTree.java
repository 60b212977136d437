package org.iotb.firmware.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An index of an unpacked firmware tree, built by walking it once. Symbolic links are never followed on disk:
 * their targets are recorded and resolved inside the tree by {@link #resolve(String)}, so a hostile link to
 * /etc/shadow of the host reads the image's etc/shadow instead. Every read is bounded.
 *
 * <p>One index serves every reader of an image: the firmware checks read a {@link #subtree} per root file
 * system, the SBOM replays {@link #walkOrder()} (the order matters: it decides the order of evidence and
 * warnings), so the tree is walked once however many readers there are.
 */
public final class FileTree {
    /** Files larger than this are indexed but their content is read only up to this many bytes. */
    public static final int MAX_READ = 16 * 1024 * 1024;
    static final int MAX_FILES = 500_000;
    private static final long TEXT_CACHE_BUDGET = 96L * 1024 * 1024;

    private final Path root;
    private final Map<String, TreeFile> files;
    private final Map<String, String> links;
    private final Set<String> dirs;
    private final Map<String, Classifier.Head> heads;
    private final List<Visit> walk;
    private final List<WalkWarning> walkWarnings;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> lineCache = new ConcurrentHashMap<>();
    private final Map<String, List<StringHit>> stringCache = new ConcurrentHashMap<>();
    private final AtomicLong cacheUsed = new AtomicLong();

    /**
     * One step of the walk, in the order the walk met it: a directory ("" is the root), a regular file, or an
     * entry the walk could not read ({@code failure} says why). Links and special files are not visits.
     */
    public record Visit(String path, Kind kind, String failure) {
        public enum Kind { DIRECTORY, FILE, FAILED }
    }

    /** A problem of the walk; {@code path} (null when none) sits between the two texts, so a sub-tree can rebase it. */
    private record WalkWarning(String before, String path, String after) {
        String text() {
            return path == null ? before : before + path + after;
        }
    }

    private FileTree(Path root, Map<String, TreeFile> files, Map<String, String> links, Set<String> dirs,
                     Map<String, Classifier.Head> heads, List<Visit> walk, List<WalkWarning> walkWarnings) {
        this.root = root;
        this.files = files;
        this.links = links;
        this.dirs = dirs;
        this.heads = heads;
        this.walk = walk;
        this.walkWarnings = walkWarnings;
        for (WalkWarning w : walkWarnings) {
            this.warnings.add(w.text());
        }
    }

    /** Walks {@code root} once (no link following) and classifies every regular file. */
    public static FileTree index(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a directory: " + root);
        }
        Map<String, TreeFile> files = new TreeMap<>();
        Map<String, String> links = new TreeMap<>();
        Set<String> dirs = new HashSet<>();
        Map<String, Classifier.Head> heads = new HashMap<>();
        List<Visit> walk = new ArrayList<>();
        List<WalkWarning> walkWarnings = new ArrayList<>();
        byte[] head = new byte[4096];
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = rel(base, dir);
                dirs.add(rel);
                walk.add(new Visit(rel, Visit.Kind.DIRECTORY, null));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = rel(base, file);
                if (attrs.isSymbolicLink()) {
                    try {
                        links.put(rel, Files.readSymbolicLink(file).toString());
                    } catch (IOException | UnsupportedOperationException e) {
                        walkWarnings.add(new WalkWarning("unreadable link ", rel, ": " + e.getMessage()));
                    }
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                if (files.size() >= MAX_FILES) {
                    walkWarnings.add(new WalkWarning("file limit " + MAX_FILES + " reached; remaining files not indexed",
                            null, null));
                    return FileVisitResult.TERMINATE;
                }
                int n = 0;
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    n = in.readNBytes(head, 0, head.length);
                } catch (IOException e) {
                    walkWarnings.add(new WalkWarning("unreadable ", rel, ": " + e.getMessage()));
                }
                Classifier.Head h = Classifier.Head.of(head, n);
                heads.put(rel, h);
                files.put(rel, new TreeFile(rel, file, attrs.size(), Classifier.classify(rel, h), isExecutable(file)));
                walk.add(new Visit(rel, Visit.Kind.FILE, null));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String rel = rel(base, file);
                walkWarnings.add(new WalkWarning("cannot read ", rel, ": " + exc.getMessage()));
                walk.add(new Visit(rel, Visit.Kind.FAILED, exc.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        return new FileTree(base, Collections.unmodifiableMap(files), Collections.unmodifiableMap(links),
                Collections.unmodifiableSet(dirs), heads, List.copyOf(walk), List.copyOf(walkWarnings));
    }

    /**
     * The tree under {@code relDir} as if it had been indexed on its own: paths relative to it, files classified
     * by those paths, links and walk warnings rebased; nothing is read again. {@code ""} is this tree.
     */
    public FileTree subtree(String relDir) {
        String dir = normalize(relDir);
        if (dir.isEmpty()) {
            return this;
        }
        String prefix = dir + "/";
        Map<String, TreeFile> subFiles = new TreeMap<>();
        Map<String, Classifier.Head> subHeads = new HashMap<>();
        for (TreeFile f : files.values()) {
            if (f.path().startsWith(prefix)) {
                String rel = f.path().substring(prefix.length());
                Classifier.Head h = heads.get(f.path());
                subHeads.put(rel, h);
                subFiles.put(rel, new TreeFile(rel, f.absolute(), f.size(), Classifier.classify(rel, h), f.executable()));
            }
        }
        Map<String, String> subLinks = new TreeMap<>();
        links.forEach((path, target) -> {
            if (path.startsWith(prefix)) {
                subLinks.put(path.substring(prefix.length()), target);
            }
        });
        Set<String> subDirs = new HashSet<>();
        for (String d : dirs) {
            String rel = under(d, dir);
            if (rel != null) {
                subDirs.add(rel);
            }
        }
        List<Visit> subWalk = new ArrayList<>();
        for (Visit v : walk) {
            String rel = under(v.path(), dir);
            if (rel != null) {
                subWalk.add(new Visit(rel, v.kind(), v.failure()));
            }
        }
        List<WalkWarning> subWarnings = new ArrayList<>();
        for (WalkWarning w : walkWarnings) {
            if (w.path() == null) {
                subWarnings.add(w);
            } else if (w.path().startsWith(prefix)) {
                subWarnings.add(new WalkWarning(w.before(), w.path().substring(prefix.length()), w.after()));
            }
        }
        return new FileTree(root.resolve(dir), Collections.unmodifiableMap(subFiles),
                Collections.unmodifiableMap(subLinks), Collections.unmodifiableSet(subDirs), subHeads,
                List.copyOf(subWalk), List.copyOf(subWarnings));
    }

    /** {@code path} relative to {@code dir} ("" for dir itself), or null when it lies outside. */
    private static String under(String path, String dir) {
        if (path.equals(dir)) {
            return "";
        }
        return path.startsWith(dir + "/") ? path.substring(dir.length() + 1) : null;
    }

    private static boolean isExecutable(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return p.contains(PosixFilePermission.OWNER_EXECUTE) || p.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String rel(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

    public Path root() {
        return root;
    }

    /** The directories and regular files in the order the walk met them (see {@link Visit}). */
    public List<Visit> walkOrder() {
        return walk;
    }

    /** The regular file at exactly {@code path} (relative, no link resolution). */
    public Optional<TreeFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** All regular files, sorted by path. */
    public List<TreeFile> files() {
        return List.copyOf(files.values());
    }

    public List<TreeFile> files(Predicate<TreeFile> filter) {
        List<TreeFile> out = new ArrayList<>();
        for (TreeFile f : files.values()) {
            if (filter.test(f)) {
                out.add(f);
            }
        }
        return out;
    }

    public List<TreeFile> ofKind(FileKind kind) {
        return files(f -> f.kind() == kind);
    }

    /** Every directory, relative, "" being the root. */
    public Set<String> directories() {
        return dirs;
    }

    /** Symbolic links: relative path → raw target. */
    public Map<String, String> links() {
        return links;
    }

    /** The warnings, sorted: files are read in parallel, and a report must not change from run to run. */
    public List<String> warnings() {
        synchronized (warnings) {
            return warnings.stream().sorted().toList();
        }
    }

    public void warn(String message) {
        if (warnings.size() < 1000) {
            warnings.add(message);
        }
    }

    /**
     * Finds the file an image path names (absolute or relative to the root), following symlinks inside the
     * tree only; loops and links that climb out of the root resolve to empty.
     */
    public Optional<TreeFile> resolve(String imagePath) {
        String p = normalize(imagePath);
        Set<String> seen = new HashSet<>();
        for (int hops = 0; p != null && hops < 40; hops++) {
            if (!seen.add(p)) {
                return Optional.empty();
            }
            TreeFile f = files.get(p);
            if (f != null) {
                return Optional.of(f);
            }
            String resolved = resolveParentLinks(p, seen);
            if (resolved == null) {
                return Optional.empty();
            }
            if (!resolved.equals(p)) {
                p = resolved;
                continue;
            }
            String target = links.get(p);
            if (target == null) {
                return Optional.empty();
            }
            p = target.startsWith("/") ? normalize(target) : normalize(parent(p) + "/" + target);
        }
        return Optional.empty();
    }

    /** Replaces the first symlinked directory component of {@code p}, if any. */
    private String resolveParentLinks(String p, Set<String> seen) {
        String[] parts = p.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(parts[i]);
            String target = links.get(prefix.toString());
            if (target != null) {
                String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i + 1, parts.length));
                String base = target.startsWith("/") ? target : parent(prefix.toString()) + "/" + target;
                return normalize(base + "/" + rest);
            }
        }
        return p;
    }

    private static String parent(String p) {
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }

    /** Collapses "." and "..", drops leading "/"; ".." above the root stays at the root (chroot semantics). */
    static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(part);
        }
        return String.join("/", out);
    }

    /** Up to {@link #MAX_READ} bytes of the file. */
    public byte[] read(TreeFile f) throws IOException {
        try (InputStream in = Files.newInputStream(f.absolute(), LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(MAX_READ);
        }
    }

    /** The lines of a text file (ISO-8859-1 so every byte survives), cached while the budget allows. */
    public List<String> lines(TreeFile f) {
        List<String> cached = lineCache.get(f.path());
        if (cached != null) {
            return cached;
        }
        List<String> lines;
        try {
            String s = new String(read(f), StandardCharsets.ISO_8859_1);
            lines = List.of(s.split("\r?\n", -1));
        } catch (IOException e) {
            warn("cannot read " + f.path() + ": " + e.getMessage());
            lines = List.of();
        }
        if (cacheUsed.addAndGet(Math.min(f.size(), MAX_READ)) < TEXT_CACHE_BUDGET) {
            lineCache.put(f.path(), lines);
        }
        return lines;
    }

    /** Printable ASCII runs of at least 6 characters in a binary file, with their offsets. */
    public List<StringHit> strings(TreeFile f) {
        List<StringHit> cached = stringCache.get(f.path());
        if (cached != null) {
            return cached;
        }
        List<StringHit> hits;
        try {
            hits = StringHit.extract(read(f), 6, 200_000);
        } catch (IOException e) {
            warn("cannot read " + f.path() + ": " + e.getMessage());
            hits = List.of();
        }
        if (cacheUsed.addAndGet(Math.min(f.size(), MAX_READ) / 2) < TEXT_CACHE_BUDGET) {
            stringCache.put(f.path(), hits);
        }
        return hits;
    }

    /** Number of files per kind, for the scan statistics. */
    public Map<String, Integer> kindCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (FileKind k : FileKind.values()) {
            m.put(k.name().toLowerCase(java.util.Locale.ROOT), 0);
        }
        for (TreeFile f : files.values()) {
            m.merge(f.kind().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        return m;
    }

    public long totalBytes() {
        long t = 0;
        for (TreeFile f : files.values()) {
            t += f.size();
        }
        return t;
    }
}
