package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.iotb.unpack.manifest.ContainerRecord;
import org.iotb.unpack.manifest.Region;
import org.iotb.unpack.manifest.UBootEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structures at arbitrary offsets behind unknown headers; unrecognised regions and the entropy profile. */
class CarvingTest {
    @TempDir
    Path tmp;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    @Tag("integration")
    void vendorHeaderKernelRootfsBlobYieldsItsParts() throws Exception {
        Fixtures.requireTool("xz", "xz-utils");
        Fixtures.requireTool("tar", "tar");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "gzip -9 -c bin/busybox > ../kernel.gz && tar -cJf ../rootfs.tar.xz .");
        byte[] header = random(1000, 1);
        header[0] = 'V';
        byte[] kernel = Files.readAllBytes(tmp.resolve("kernel.gz"));
        byte[] pad = new byte[4096];
        Arrays.fill(pad, (byte) 0xff);
        byte[] rootfs = Files.readAllBytes(tmp.resolve("rootfs.tar.xz"));
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.write(header);
        blob.write(kernel);
        blob.write(pad);
        blob.write(rootfs);
        blob.write(random(3000, 2));
        Path image = tmp.resolve("vendor.bin");
        Files.write(image, blob.toByteArray());

        UnpackResult r = Fixtures.unpack(image, tmp.resolve("out"));
        assertThat(r.containers()).filteredOn(c -> c.container().equals("vendor.bin"))
                .extracting(ContainerRecord::format, ContainerRecord::offset, ContainerRecord::length)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gzip", 1000L, (long) kernel.length),
                        org.assertj.core.groups.Tuple.tuple("xz", 1000L + kernel.length + 4096, (long) rootfs.length));
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("/0-tar/etc/passwd"));
        assertThat(r.entries()).filteredOn(e -> e.path().endsWith("/1000-gzip/busybox")).singleElement()
                .satisfies(e -> assertThat(e.sha256()).isEqualTo(Fixtures.sha256(src.resolve("bin/busybox"))));

        assertThat(r.unrecognised()).filteredOn(g -> g.container().equals("vendor.bin"))
                .extracting(Region::offset, Region::length, Region::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, 1000L, "high-entropy"),
                        org.assertj.core.groups.Tuple.tuple(1000L + kernel.length, 4096L, "padding"),
                        org.assertj.core.groups.Tuple.tuple(1000L + kernel.length + 4096 + rootfs.length, 3000L,
                                "high-entropy"));
        Region padding = r.unrecognised().stream().filter(g -> g.container().equals("vendor.bin")).toList().get(1);
        assertThat(padding.fillByte()).isEqualTo(0xff);
        assertThat(padding.entropy()).isZero();
        assertThat(r.entropy().points()).hasSizeBetween(256, 1024);
        assertThat(r.entropy().points()).allMatch(p -> p >= 0 && p <= 8);
        assertThat(Files.readString(r.manifestFile())).contains("\"unrecognised\"", "\"provenance\"", "\"entropy\"");
    }

    @Test
    @Tag("integration")
    void ubootEnvironmentIsFoundByCrcAndParsed() throws Exception {
        Fixtures.requireTool("mkenvimage", "u-boot-tools");
        Files.writeString(tmp.resolve("env.txt"), "bootcmd=bootm 0x9f020000\nbootdelay=0\nbaudrate=115200\n"
                + "bootargs=console=ttyS0,115200 root=/dev/mtdblock2\n");
        Fixtures.sh(tmp, "mkenvimage -s 0x10000 -o env.bin env.txt && mkenvimage -r -s 0x2000 -o env-redund.bin env.txt");
        byte[] env = Files.readAllBytes(tmp.resolve("env.bin"));
        byte[] redund = Files.readAllBytes(tmp.resolve("env-redund.bin"));
        byte[] flash = new byte[0x40000];
        Arrays.fill(flash, (byte) 0xff);
        System.arraycopy(env, 0, flash, 0x10000, env.length);
        System.arraycopy(redund, 0, flash, 0x30000, redund.length);
        // a default environment as compiled into U-Boot: same text, no valid CRC; must not count
        byte[] fake = "\0\0\0\0bootcmd=evil\0bootdelay=5\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(fake, 0, flash, 0x100, fake.length);
        Path image = tmp.resolve("flash.bin");
        Files.write(image, flash);

        UnpackResult r = Fixtures.unpack(image, tmp.resolve("out"));
        assertThat(r.ubootEnvironments()).extracting(UBootEnvironment::offset, UBootEnvironment::size,
                UBootEnvironment::redundant).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0x10000L, 0x10000L, false),
                        org.assertj.core.groups.Tuple.tuple(0x30000L, 0x2000L, true));
        assertThat(r.ubootEnvironments().get(0).variables()).containsEntry("bootdelay", "0")
                .containsEntry("bootcmd", "bootm 0x9f020000").hasSize(4);
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("65536-uboot-env/uboot-env.txt"));
    }

    @Test
    void imagesWithNothingKnownAreReportedAsOneRegion() throws Exception {
        Path image = tmp.resolve("encrypted.bin");
        Files.write(image, random(200_000, 3));
        UnpackResult r = Fixtures.unpack(image, tmp.resolve("out"));
        assertThat(r.entries()).isEmpty();
        assertThat(r.unrecognised()).singleElement().satisfies(g -> {
            assertThat(g.length()).isEqualTo(200_000);
            assertThat(g.kind()).isEqualTo("high-entropy");
            assertThat(g.entropy()).isGreaterThan(7.9);
        });
        assertThat(r.warnings()).anyMatch(w -> w.contains("no known structure"));
    }
}
