package org.iotb.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.iotb.model.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {
    @TempDir
    Path data;

    @Test
    void storesBytesUnderTheirDigestOnce() throws Exception {
        LocalBlobStore store = LocalBlobStore.inDataDir(data);
        byte[] bytes = "firmware".getBytes(StandardCharsets.UTF_8);
        BlobStore.BlobRef a = store.put(new ByteArrayInputStream(bytes), 100);
        BlobStore.BlobRef b = store.put(new ByteArrayInputStream(bytes), 100);
        assertThat(a).isEqualTo(b);
        assertThat(a.size()).isEqualTo(bytes.length);
        assertThat(a.sha256()).isEqualTo(Sha256.of(bytes));
        Path stored = data.resolve("blobs").resolve(a.sha256().substring(0, 2)).resolve(a.sha256().substring(2, 4)).resolve(a.sha256());
        assertThat(stored).hasBinaryContent(bytes);
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).count()).as("one copy, no temp file left").isEqualTo(1);
        }
        try (InputStream in = store.open(a.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.materialise(a.sha256(), data.resolve("scratch"))).hasBinaryContent(bytes);
        assertThat(store.exists(a.sha256())).isTrue();
    }

    @Test
    void refusesNamesThatAreNotDigests() throws Exception {
        LocalBlobStore store = LocalBlobStore.inDataDir(data);
        for (String bad : new String[] {"../../etc/passwd", "", "ABCDEF" + "0".repeat(58), "0".repeat(63), "0".repeat(64) + "/x",
                "..%2f" + "0".repeat(60)}) {
            assertThatThrownBy(() -> store.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.exists(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.materialise(bad, data)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothing() throws Exception {
        LocalBlobStore store = LocalBlobStore.inDataDir(data);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOf(BlobStore.BlobTooLargeException.class);
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }
}
