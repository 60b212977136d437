package org.iotb.firmware.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.model.Finding;

/**
 * Builds the faithful fixtures the firmware check tests use: a file system tree under a test's temporary root,
 * with text files, stripped-binary look-alikes and links, and scans it with one check.
 */
public final class TreeFiles {
    private TreeFiles() {
    }

    /** A UTF-8 text file at {@code path} (relative to {@code root}), parents created. */
    public static Path write(Path root, String path, String text) throws IOException {
        Path p = parentsOf(root, path);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** A non-text file whose printable strings are the given ones (NUL-separated, like a stripped binary). */
    public static Path binaryWithStrings(Path root, String path, String... strings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{0, 1, 2, 3, (byte) 0xff, 0, (byte) 0x80, 0});
        for (String s : strings) {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[]{0, (byte) 0x90, 0, 0});
        }
        Path p = parentsOf(root, path);
        Files.write(p, out.toByteArray());
        return p;
    }

    /** A symbolic link at {@code path} pointing to {@code target} (as written, not resolved). */
    public static Path link(Path root, String path, String target) throws IOException {
        Path p = parentsOf(root, path);
        return Files.createSymbolicLink(p, Path.of(target));
    }

    /** The one finding of {@code check} over the tree. */
    public static Finding scan(Path root, String check) throws IOException {
        return new FirmwareScanner().scan(root, FirmwareScanOptions.defaults().withChecks(Set.of(check))).get(0);
    }

    private static Path parentsOf(Path root, String path) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        return p;
    }
}
