package org.iotb.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 blob store against a real S3-compatible server on loopback: s3rver (the npm package, pinned by version and
 * by the registry's integrity hash), installed once into target/s3rver with npm. Skips with a message when node,
 * npm or the registry is not there.
 */
@Tag("integration")
class S3BlobStoreTest {
    static final String S3RVER_VERSION = "3.7.1";
    static final String S3RVER_INTEGRITY =
            "sha512-H9KIX6n8NqcfoE4ziFNbQASBQfjcNJgb+3wbT9L5iotEqfOncFO1c38cfJSFSo7xXTu1zM9HA6t2u9xKNlYRaA==";
    static final String BUCKET = "iotb-blobs";
    /** s3rver's fixed test credentials */
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER"));

    static Process server;
    static URI endpoint;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startS3rver() throws Exception {
        Path bin = installS3rver();
        Path data = Files.createTempDirectory("s3rver-data");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder(bin.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port),
                "--silent", "--configure-bucket", BUCKET)
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                assertThat(server.isAlive()).as("s3rver exited early").isTrue();
                assertThat(System.nanoTime()).as("s3rver listening within 30 s").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopS3rver() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    S3BlobStore store(String location) {
        return S3BlobStore.open(URI.create(location), endpoint, CREDENTIALS, scratch.resolve("spool"));
    }

    @Test
    void storesUnderTheContentAddressOnceAndReadsItBack() throws Exception {
        byte[] bytes = "firmware image bytes\n".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        try (S3BlobStore store = store("s3://" + BUCKET + "/cluster/a")) {
            assertThat(store.exists(sha)).isFalse();
            BlobStore.BlobRef ref = store.put(new ByteArrayInputStream(bytes), 1024);
            assertThat(ref).isEqualTo(new BlobStore.BlobRef(sha, bytes.length));
            assertThat(store.put(new ByteArrayInputStream(bytes), 1024)).as("same bytes, same blob").isEqualTo(ref);
            assertThat(store.exists(sha)).isTrue();
            try (InputStream in = store.open(sha)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("firmware image bytes\n");
            }
            Path local = store.materialise(sha, scratch.resolve("work"));
            assertThat(local).hasBinaryContent(bytes).hasFileName(sha);
            assertThat(store.materialise(sha, scratch.resolve("work"))).isEqualTo(local);
        }
        try (S3Client raw = rawClient()) {
            List<String> keys = raw.listObjectsV2(b -> b.bucket(BUCKET).prefix("cluster/a/")).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(keys).as("one object, content-addressed with the ab/cd fan-out")
                    .containsExactly("cluster/a/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
        }
    }

    @Test
    void aMissingBlobIsNoSuchFileAndAPrefixIsItsOwnNamespace() throws Exception {
        byte[] bytes = new byte[200_000];
        new java.util.Random(7).nextBytes(bytes);
        String sha;
        try (S3BlobStore a = store("s3://" + BUCKET + "/ns-a")) {
            sha = a.put(new ByteArrayInputStream(bytes), bytes.length).sha256();
            try (InputStream in = a.open(sha)) {
                assertThat(sha256(in.readAllBytes())).as("the bytes read back").isEqualTo(sha);
            }
        }
        try (S3BlobStore b = store("s3://" + BUCKET + "/ns-b")) {
            assertThat(b.exists(sha)).isFalse();
            assertThatThrownBy(() -> b.open(sha)).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void refusesOversizedContentAndNamesThatAreNotDigests() throws Exception {
        try (S3BlobStore store = store("s3://" + BUCKET)) {
            assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2048]), 1024))
                    .isInstanceOf(BlobStore.BlobTooLargeException.class);
            assertThat(Files.list(scratch.resolve("spool"))).as("spool file removed").isEmpty();
            assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.exists("ABCDEF")).isInstanceOf(IllegalArgumentException.class);
        }
        try (S3Client raw = rawClient()) {
            assertThat(raw.listObjectsV2(b -> b.bucket(BUCKET).prefix("00")).contents()).isEmpty();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static S3Client rawClient() {
        return S3Client.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).forcePathStyle(true)
                .endpointOverride(endpoint).build();
    }

    /** node_modules/.bin/s3rver of the pinned version under target/s3rver, installed by npm on first use. */
    static Path installS3rver() throws Exception {
        String npm = require("npm");
        require("node");
        Path dir = Files.createDirectories(Path.of("target", "s3rver").toAbsolutePath());
        Path bin = dir.resolve("node_modules/.bin/s3rver");
        Path lock = dir.resolve("node_modules/.package-lock.json");
        if (!Files.isExecutable(bin) || !Files.exists(lock)) {
            Process p = new ProcessBuilder(npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                    "s3rver@" + S3RVER_VERSION).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm.log").toFile()).start();
            boolean done = p.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            assumeTrue(done && p.exitValue() == 0 && Files.isExecutable(bin),
                    "npm could not install s3rver " + S3RVER_VERSION + " (see " + dir.resolve("npm.log") + ")");
        }
        String lockText = Files.readString(lock);
        int at = lockText.indexOf("\"node_modules/s3rver\"");
        assertThat(at).as("s3rver in npm's lock file").isNotNegative();
        String entry = lockText.substring(at, Math.min(lockText.length(), at + 600));
        assertThat(entry).as("pinned s3rver version and registry integrity")
                .contains("\"version\": \"" + S3RVER_VERSION + "\"").contains(S3RVER_INTEGRITY);
        return bin;
    }

    static String require(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(d, tool);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        assumeTrue(false, tool + " not found: install nodejs and npm to run the S3 blob-store test");
        return null;
    }
}
