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
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> lineCache = new ConcurrentHashMap<>();
    private final Map<String, List<StringHit>> stringCache = new ConcurrentHashMap<>();
    private final AtomicLong cacheUsed = new AtomicLong();

    private FileTree(Path root, Map<String, TreeFile> files, Map<String, String> links, Set<String> dirs,
                     List<String> walkWarnings) {
        this.root = root;
        this.files = files;
        this.links = links;
        this.dirs = dirs;
        this.warnings.addAll(walkWarnings);
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
        List<String> walkWarnings = new ArrayList<>();
        byte[] head = new byte[4096];
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dirs.add(rel(base, dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = rel(base, file);
                if (attrs.isSymbolicLink()) {
                    try {
                        links.put(rel, Files.readSymbolicLink(file).toString());
                    } catch (IOException | UnsupportedOperationException e) {
                        walkWarnings.add("unreadable link " + rel + ": " + e.getMessage());
                    }
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                if (files.size() >= MAX_FILES) {
                    walkWarnings.add("file limit " + MAX_FILES + " reached; remaining files not indexed");
                    return FileVisitResult.TERMINATE;
                }
                int n = 0;
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    n = in.readNBytes(head, 0, head.length);
                } catch (IOException e) {
                    walkWarnings.add("unreadable " + rel + ": " + e.getMessage());
                }
                FileKind kind = Classifier.classify(rel, head, n);
                files.put(rel, new TreeFile(rel, file, attrs.size(), kind, isExecutable(file)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                walkWarnings.add("cannot read " + rel(base, file) + ": " + exc.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        return new FileTree(base, Collections.unmodifiableMap(files), Collections.unmodifiableMap(links),
                Collections.unmodifiableSet(dirs), walkWarnings);
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
