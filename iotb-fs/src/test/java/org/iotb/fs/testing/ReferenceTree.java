package org.iotb.fs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Describes a directory tree on disk (a reference tool's output, or the source tree) as entries. */
public final class ReferenceTree {
    private ReferenceTree() {
    }

    public static Map<String, Entry> scan(Path root) throws IOException {
        Map<String, Entry> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.put(rel, describe(p));
            }
        }
        return out;
    }

    public static Entry describe(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,rdev,size", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int fmt = mode & 0170000;
        long rdev = (Long) a.get("rdev");
        int major = (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
        int minor = (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
        return switch (fmt) {
            case 0040000 -> Entry.dir(mode);
            case 0120000 -> Entry.symlink(Files.readSymbolicLink(p).toString());
            case 0100000 -> Entry.file(mode, (Long) a.get("size"), sha256(p));
            case 0060000 -> new Entry('b', mode & 07777, 0, null, null, major, minor);
            case 0020000 -> new Entry('c', mode & 07777, 0, null, null, major, minor);
            case 0010000 -> new Entry('p', mode & 07777, 0, null, null, 0, 0);
            case 0140000 -> new Entry('s', mode & 07777, 0, null, null, 0, 0);
            default -> throw new IOException("unknown file type " + Integer.toOctalString(fmt) + " at " + p);
        };
    }

    public static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
