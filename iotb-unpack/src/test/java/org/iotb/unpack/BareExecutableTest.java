package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.iotb.unpack.manifest.ContainerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ELF given as the image (one daemon pulled from a device, a kernel ELF) is itself the tree's file, so the
 * hardening checks have a binary to judge; what carving finds inside it still comes out beside it.
 */
class BareExecutableTest {
    @TempDir
    Path tmp;

    @Test
    void anElfImageIsKeptWholeAndStillCarved() throws Exception {
        // a real ELF on every machine that runs the tests: the JVM's launcher; a gzip member appended to it
        byte[] elf = Files.readAllBytes(Path.of(System.getProperty("java.home"), "bin", "java"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
            o.write("appended payload\n".getBytes());
        }
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        image.write(elf);
        image.write(gz.toByteArray());
        Path file = tmp.resolve("httpd");
        Files.write(file, image.toByteArray());

        UnpackResult r = Fixtures.unpack(file, tmp.resolve("out"));

        assertThat(r.containers()).extracting(ContainerRecord::format).contains("elf", "gzip");
        assertThat(r.entries()).filteredOn(e -> e.path().equals("httpd.extracted/0-elf/httpd")).singleElement()
                .satisfies(e -> {
                    assertThat(e.sha256()).isEqualTo(r.manifest().imageSha256());
                    assertThat(e.detectedType()).isEqualTo("elf");
                    assertThat(e.mode() & 0111).isNotZero();
                });
        assertThat(r.warnings()).noneMatch(w -> w.contains("nothing extracted"));
    }

    @Test
    void anImageThatIsNoElfGetsNoCopy() throws Exception {
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        noise[0] = 0x7f; // an ELF magic needs all four bytes
        noise[1] = 'E';
        Path file = tmp.resolve("blob.bin");
        Files.write(file, noise);

        UnpackResult r = Fixtures.unpack(file, tmp.resolve("out"));

        assertThat(r.containers()).extracting(ContainerRecord::format).doesNotContain("elf");
        assertThat(r.entries()).isEmpty();
    }
}
