package org.iotb.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Blobs in a local directory (shared over NFS by a cluster): {@code <root>/ab/cd/<sha256>}. A blob is written to a
 * temporary file in {@code <root>/tmp}, hashed as it streams, then moved into place atomically, so a reader never
 * sees half a blob and two writers of the same bytes keep one copy. Names that are not 64 lowercase hex digits are
 * refused before they touch the file system.
 */
public final class LocalBlobStore implements BlobStore {

    private final Path root;

    /** The store under {@code <dataDir>/blobs}. */
    public static LocalBlobStore inDataDir(Path dataDir) throws IOException {
        return new LocalBlobStore(dataDir.resolve("blobs"));
    }

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath();
        Files.createDirectories(this.root.resolve("tmp"));
    }

    @Override
    public BlobRef put(InputStream content, long maxBytes) throws IOException {
        Path tmp = Files.createTempFile(root.resolve("tmp"), "put-", ".part");
        try {
            MessageDigest digest = BlobIo.sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                size = BlobIo.copyAtMost(content, out, maxBytes);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // another writer stored the same bytes first: one copy is kept
                }
            }
            return new BlobRef(sha, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path p = path(sha256);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException("blob " + sha256);
        }
        return Files.newInputStream(p);
    }

    /** The stored file itself: the store is local, nothing is copied. */
    @Override
    public Path materialise(String sha256, Path scratch) throws IOException {
        Path p = path(sha256);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException("blob " + sha256);
        }
        return p;
    }

    /** Where a blob lives; the name is checked first, so nothing but a digest can reach the file system. */
    Path path(String sha256) {
        BlobIo.requireDigest(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }




    @Override
    public String toString() {
        return "blobs in " + root;
    }
}
