package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.iotb.unpack.manifest.ContainerRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real sample image unpacks without an exception, inside its output directory, within its limits;
 * the known structures of the vendor and format samples are found. Skipped when the samples are absent.
 */
@Tag("integration")
class SampleCorpusTest {
    @TempDir
    Path tmp;

    private UnpackResult unpack(Path samples, String rel) throws IOException {
        Path out = tmp.resolve("out-" + rel.replace('/', '_'));
        return new Unpacker().unpack(samples.resolve(rel), out,
                UnpackOptions.builder().timeout(Duration.ofSeconds(60)).build());
    }

    private static List<String> top(UnpackResult r) {
        return r.containers().stream().filter(c -> c.depth() == 0).map(c -> c.format() + "@" + c.offset()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everySampleUnpacksSafely() throws IOException {
        Path samples = Fixtures.samples();
        List<Path> files;
        try (Stream<Path> s = Files.walk(samples)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(samples.relativize(f).toString(), () -> {
            Path out = tmp.resolve("all").resolve(samples.relativize(f).toString().replace('/', '_'));
            UnpackResult r = new Unpacker().unpack(f, out, UnpackOptions.builder().timeout(Duration.ofSeconds(60)).build());
            assertThat(r.manifestFile()).exists();
            assertThat(r.manifest().imageSize()).isEqualTo(Files.size(f));
            for (var e : r.entries()) {
                assertThat(out.resolve(e.path()).normalize()).startsWithRaw(out);
            }
        }));
    }

    @Test
    void vendorAndBootImagesYieldTheirParts() throws IOException {
        Path s = Fixtures.samples();
        UnpackResult fit = unpack(s, "firmware/fit_aarch64_test.itb");
        assertThat(top(fit)).containsExactly("fit@0");
        assertThat(Fixtures.formats(fit)).contains("gzip", "dtb");
        assertThat(top(unpack(s, "firmware/trx_broadcom.img"))).containsExactly("trx@0");
        assertThat(top(unpack(s, "firmware/uimage_mips_lzma_vendor_header.bin"))).startsWith("uimage@0");
        UnpackResult tplink = unpack(s, "firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
        assertThat(top(tplink)).contains("uimage@14800", "lzma@132096");
        assertThat(tplink.unrecognised()).anyMatch(g -> g.offset() == 0 && g.container().startsWith("tplink"));
        assertThat(top(unpack(s, "filesystems/android_sparse.img"))).containsExactly("android-sparse@0");
        assertThat(top(unpack(s, "firmware/device_tree.dtb"))).containsExactly("dtb@0");
        UnpackResult huawei = unpack(s, "firmware/huawei_hg532e_V100R001C01B020_upgrade_packet.bin");
        // binwalk agrees: LZMA streams at 8616 and 70016 (then a squashfs, which iotb-fs handles)
        assertThat(top(huawei)).contains("lzma@8616", "lzma@70016");
    }

    @Test
    void archiveSamplesAreRecognisedAtOffsetZero() throws IOException {
        Path s = Fixtures.samples();
        String[][] expect = {{"archives/fe-test.7z", "7z"}, {"archives/fe-test.bz2", "bzip2"},
            {"archives/fe-test.gz", "gzip"}, {"archives/fe-test.xz", "xz"}, {"archives/fe-test.zst", "zstd"},
            {"archives/fe-test.lz4", "lz4"}, {"archives/fe-test.lzo", "lzo"}, {"archives/fe-test.cpio", "cpio"},
            {"archives/fe-test.tar", "tar"}, {"archives/fe-trailing_data.bz2", "bzip2"},
            {"archives/fe-trailing_data.lzma", "lzma"}, {"archives/fe-trailing_data.zip", "zip"},
            {"archives/fe-test.tar.bz2", "bzip2"}};
        for (String[] e : expect) {
            UnpackResult r = unpack(s, e[0]);
            assertThat(r.containers()).as(e[0]).extracting(ContainerRecord::format, ContainerRecord::offset)
                    .contains(org.assertj.core.groups.Tuple.tuple(e[1], 0L));
            assertThat(r.entries()).as(e[0]).isNotEmpty();
        }
    }
}
