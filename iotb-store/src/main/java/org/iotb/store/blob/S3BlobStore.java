package org.iotb.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The blob store in an S3-compatible bucket (AWS S3, MinIO, …): what a cluster's workers share when they have no
 * common file system. Keys are content addresses, {@code <prefix>/ab/cd/<sha256>} (the same fan-out as the local
 * store), so a blob is written once and never changed; a second {@code put} of the same bytes only asks whether it
 * is there. Path-style addressing and an endpoint override make it work with MinIO and other S3 look-alikes;
 * credentials and region come from the standard AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_REGION, profiles…), the region defaulting to us-east-1 when none is set.
 *
 * <p>{@code put} first spools the stream to a local temporary file (hashing it on the way), because the key is the
 * digest of the bytes and S3 wants the length before the upload starts.
 */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path spool;

    /**
     * A store in this bucket under this key prefix (empty: the bucket's root), spooling uploads under {@code spool}
     * (null: the system's temporary directory). The client is closed with the store.
     */
    public S3BlobStore(S3Client s3, String bucket, String prefix, Path spool) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 blob store needs a bucket");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        this.spool = spool;
    }

    /**
     * Opens {@code s3://bucket/prefix} at {@code endpoint} (null: AWS's own endpoint for the region), with the
     * credentials of the standard AWS environment.
     */
    public static S3BlobStore open(URI location, URI endpoint, Path spool) {
        return open(location, endpoint, DefaultCredentialsProvider.builder().build(), spool);
    }

    /** As {@link #open(URI, URI, Path)} with these credentials. */
    public static S3BlobStore open(URI location, URI endpoint, AwsCredentialsProvider credentials, Path spool) {
        if (!"s3".equals(location.getScheme()) || location.getHost() == null) {
            throw new IllegalArgumentException("a blob store location must be s3://bucket[/prefix], not " + location);
        }
        String region = System.getenv().getOrDefault("AWS_REGION", System.getenv().getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                // plain uploads, not aws-chunked framing: s3rver stores that framing as the object's bytes
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // checksums only where S3 requires them: the look-alikes (MinIO, s3rver) do not all read the
                // trailing checksums of aws-chunked uploads, and the key already is the content's SHA-256
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        String path = location.getPath() == null ? "" : location.getPath();
        return new S3BlobStore(builder.build(), location.getHost(), path, spool);
    }

    /** The object key of a blob: {@code <prefix>/ab/cd/<sha256>}. */
    String key(String sha256) {
        BlobIo.requireDigest(sha256);
        String k = sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
        return prefix.isEmpty() ? k : prefix + "/" + k;
    }

    @Override
    public BlobRef put(InputStream content, long maxBytes) throws IOException {
        Path tmp = spool == null ? Files.createTempFile("iotb-s3-", ".blob")
                : Files.createTempFile(Files.createDirectories(spool), "iotb-s3-", ".blob");
        try {
            MessageDigest md = BlobIo.sha256();
            long size;
            try (DigestInputStream in = new DigestInputStream(content, md); OutputStream out = Files.newOutputStream(tmp)) {
                size = BlobIo.copyAtMost(in, out, maxBytes);
            }
            String digest = HexFormat.of().formatHex(md.digest());
            if (!exists(digest)) {
                try {
                    s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(digest)).contentLength(size).build(),
                            RequestBody.fromFile(tmp));
                } catch (S3Exception e) {
                    throw new IOException("S3 upload of " + digest + " failed: " + e.getMessage(), e);
                }
            }
            return new BlobRef(digest, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 lookup of " + sha256 + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(sha256)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(sha256);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(sha256);
            }
            throw new IOException("S3 download of " + sha256 + " failed: " + e.getMessage(), e);
        }
    }

    /** A copy under {@code scratch} named by the digest; an earlier complete copy is reused. */
    @Override
    public Path materialise(String sha256, Path scratch) throws IOException {
        Path target = Files.createDirectories(scratch).resolve(sha256);
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path part = Files.createTempFile(scratch, sha256, ".part");
        try (InputStream in = open(sha256)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }



}
