package org.iotb.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of the project, as lower-case hex: the image hash in the unpack manifest, the SBOM's subject
 * and the assessment's inputs, certificate and key fingerprints, and evidence excerpts. One place so that every
 * module agrees on the algorithm and the spelling of the hash that ties a report to what was assessed.
 */
public final class Sha256 {
    private static final int BUFFER = 1 << 16;

    private Sha256() {
    }

    /** The hash of a file's content, streamed (images are larger than the heap may allow). */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = digest();
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }

    public static String of(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    /** The hash of a string's UTF-8 bytes. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh digest; every JRE has SHA-256, so its absence is a broken runtime, not an input error. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
