package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iotb.unpack.manifest.ContainerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tree iotb extracts equals (paths, sizes, hashes, modes, symlink targets) what the reference tool
 * extracts from the same image, for images the real Debian tools made at test time.
 */
@Tag("integration")
class DifferentialTest {
    @TempDir
    Path tmp;

    private Map<String, String> reference(String listCmd) throws Exception {
        Path ref = Files.createDirectories(tmp.resolve("ref"));
        Fixtures.sh(ref, listCmd);
        return Fixtures.describeDisk(ref);
    }

    private UnpackResult ours(Path image) throws Exception {
        return Fixtures.unpack(image, tmp.resolve("out"));
    }

    private static String only(UnpackResult r, String format) {
        ContainerRecord c = r.containers().stream().filter(x -> x.format().equals(format)).findFirst().orElseThrow(
                () -> new AssertionError("no " + format + " in " + Fixtures.formats(r) + " warnings " + r.warnings()));
        return c.outputDir();
    }

    @ParameterizedTest(name = "tar {0}")
    @CsvSource({"gnu", "posix", "ustar"})
    void tarMatchesGnuTar(String format) throws Exception {
        Fixtures.requireTool("tar", "tar");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "ln etc/passwd etc/passwd.hard && tar --format=" + format + " -cf ../image.tar .");
        Map<String, String> ref = reference("tar -xpf ../image.tar");
        UnpackResult r = ours(tmp.resolve("image.tar"));
        assertThat(Fixtures.describeManifest(r, only(r, "tar"))).isEqualTo(ref);
        assertThat(r.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "cpio {0}")
    @CsvSource({"newc", "crc", "odc", "bin"})
    void cpioMatchesGnuCpio(String format) throws Exception {
        Fixtures.requireTool("cpio", "cpio");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "ln etc/passwd etc/passwd.hard && find . | cpio --quiet -o -H " + format + " > ../image.cpio");
        Map<String, String> ref = reference("cpio --quiet -idm --no-absolute-filenames < ../image.cpio");
        UnpackResult r = ours(tmp.resolve("image.cpio"));
        assertThat(Fixtures.describeManifest(r, only(r, "cpio"))).as("warnings %s", r.warnings()).isEqualTo(ref);
    }

    @Test
    void zipMatchesUnzip() throws Exception {
        Fixtures.requireTool("zip", "zip");
        Fixtures.requireTool("unzip", "unzip");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "zip -qry ../image.zip .");
        Map<String, String> ref = reference("unzip -q ../image.zip");
        UnpackResult r = ours(tmp.resolve("image.zip"));
        assertThat(Fixtures.describeManifest(r, only(r, "zip"))).isEqualTo(ref);
    }

    @Test
    void sevenZipMatches7z() throws Exception {
        Fixtures.requireTool("7z", "p7zip-full");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "rm bin/sh usr/lib/up && 7z a -bd -bso0 ../image.7z .");
        Map<String, String> ref = reference("7z x -bd -bso0 ../image.7z");
        UnpackResult r = ours(tmp.resolve("image.7z"));
        // 7z stores no Unix modes portably: compare paths, sizes and hashes
        assertThat(stripModes(Fixtures.describeManifest(r, only(r, "7z")))).isEqualTo(stripModes(ref));
    }

    private static Map<String, String> stripModes(Map<String, String> m) {
        Map<String, String> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.startsWith("file ") ? v.substring(0, v.lastIndexOf(' ')) : v));
        return out;
    }

    @ParameterizedTest(name = "{0} ({5})")
    @CsvSource({
        "gzip, gzip, gzip -9 -c, gzip -dc, gzip, gzip",
        "xz, xz-utils, xz -c, xz -dc, xz, xz",
        "lzma, xz-utils, lzma -c, lzma -dc, lzma, lzma",
        "bzip2, bzip2, bzip2 -c, bzip2 -dc, bzip2, bzip2",
        "zstd, zstd, zstd -q -c, zstd -q -dc, zstd, zstd",
        "lz4, lz4, lz4 -q -c, lz4 -q -dc, lz4, lz4",
        "lz4, lz4, lz4 -q -l -c, lz4 -q -dc, lz4-legacy, lz4 legacy",
        "lzop, lzop, lzop -c, lzop -dc, lzo, lzop"})
    void compressorsMatchTheirTools(String tool, String pkg, String compress, String decompress, String format,
                                    String label) throws Exception {
        Fixtures.requireTool(tool, pkg);
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "cat bin/busybox usr/lib/zeros.txt bin/busybox > ../plain && " + compress + " < ../plain > ../image");
        Fixtures.sh(tmp, decompress + " < image > expected");
        UnpackResult r = ours(tmp.resolve("image"));
        assertThat(r.containers()).first().extracting(ContainerRecord::format, ContainerRecord::offset)
                .containsExactly(format, 0L);
        var data = r.entries().stream().filter(e -> e.path().startsWith(only(r, format) + "/")).findFirst().orElseThrow();
        assertThat(data.sha256()).isEqualTo(Fixtures.sha256(tmp.resolve("expected")));
        assertThat(data.size()).isEqualTo(Files.size(tmp.resolve("expected")));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void compressedTarRecursesToTheSameTree() throws Exception {
        Fixtures.requireTool("tar", "tar");
        Fixtures.requireTool("xz", "xz-utils");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "tar -cJf ../image.tar.xz .");
        Map<String, String> ref = reference("tar -xpJf ../image.tar.xz");
        UnpackResult r = ours(tmp.resolve("image.tar.xz"));
        assertThat(Fixtures.formats(r)).containsExactly("xz", "tar");
        assertThat(Fixtures.describeManifest(r, only(r, "tar"))).isEqualTo(ref);
        var tarEntry = r.entries().stream().filter(e -> e.path().endsWith("0-xz/data")).findFirst().orElseThrow();
        assertThat(tarEntry.detectedType()).isEqualTo("tar");
        var passwd = r.entries().stream().filter(e -> e.path().endsWith("etc/passwd")).findFirst().orElseThrow();
        assertThat(passwd.provenance()).extracting(p -> p.format()).containsExactly("xz", "tar");
    }

    @Test
    void uImageAndFitMadeByMkimage() throws Exception {
        Fixtures.requireTool("mkimage", "u-boot-tools");
        Fixtures.requireTool("dtc", "device-tree-compiler");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "gzip -9 -c bin/busybox > ../kernel.gz && "
                + "mkimage -q -A mips -O linux -T kernel -C gzip -a 0x80000000 -e 0x80000000 -n test-kernel "
                + "-d ../kernel.gz ../uImage");
        UnpackResult r = ours(tmp.resolve("uImage"));
        assertThat(Fixtures.formats(r)).containsExactly("uimage", "gzip");
        var kernel = r.entries().stream().filter(e -> e.provenance().size() == 2).findFirst().orElseThrow();
        assertThat(kernel.sha256()).isEqualTo(Fixtures.sha256(src.resolve("bin/busybox")));
        assertThat(r.containers().get(0).info()).containsEntry("name", "test-kernel").containsEntry("compression", "gzip");

        Files.writeString(tmp.resolve("fit.its"), """
                /dts-v1/;
                / {
                    description = "iotb test FIT";
                    #address-cells = <1>;
                    images {
                        kernel-1 {
                            data = /incbin/("kernel.gz");
                            type = "kernel"; arch = "arm"; os = "linux"; compression = "gzip";
                            load = <0x80000000>; entry = <0x80000000>;
                        };
                        fdt-1 {
                            data = /incbin/("board.dtb");
                            type = "flat_dt"; arch = "arm"; compression = "none";
                        };
                    };
                    configurations { default = "conf-1"; conf-1 { kernel = "kernel-1"; fdt = "fdt-1"; }; };
                };
                """);
        Files.writeString(tmp.resolve("board.dts"), "/dts-v1/;\n/ { model = \"iotb board\"; compatible = \"iotb,test\"; };\n");
        Fixtures.sh(tmp, "dtc -q -I dts -O dtb -o board.dtb board.dts && mkimage -q -f fit.its image.itb");
        UnpackResult fit = Fixtures.unpack(tmp.resolve("image.itb"), tmp.resolve("out-fit"));
        assertThat(Fixtures.formats(fit)).containsExactly("fit", "gzip", "dtb");
        var k = fit.entries().stream().filter(e -> e.path().endsWith("images/kernel-1.gz.extracted/0-gzip/busybox"))
                .findFirst().orElseThrow();
        assertThat(k.sha256()).isEqualTo(Fixtures.sha256(src.resolve("bin/busybox")));
        var dts = fit.entries().stream().filter(e -> e.path().endsWith("system.dts")).findFirst().orElseThrow();
        assertThat(Files.readString(fit.pathOf(dts))).contains("model = \"iotb board\"");
    }

    @Test
    void androidSparseExpandsLikeSimg2img() throws Exception {
        Fixtures.requireTool("img2simg", "android-sdk-libsparse-utils");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        // a raw image with data, a hole and a fill pattern region
        Fixtures.sh(tmp, "dd if=/dev/zero of=raw.img bs=4096 count=64 status=none && "
                + "dd if=src/bin/busybox of=raw.img bs=4096 seek=2 conv=notrunc status=none && "
                + "printf 'ABCD%.0s' $(seq 1 1024) | dd of=raw.img bs=4096 seek=60 conv=notrunc status=none && "
                + "img2simg raw.img sparse.img");
        UnpackResult r = ours(tmp.resolve("sparse.img"));
        var raw = r.entries().stream().filter(e -> e.path().endsWith("image.raw")).findFirst().orElseThrow();
        assertThat(raw.sha256()).isEqualTo(Fixtures.sha256(tmp.resolve("raw.img")));
    }

    @Test
    void intelHexAndSrecMatchObjcopy() throws Exception {
        Fixtures.requireTool("objcopy", "binutils");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Files.write(tmp.resolve("fw.bin"), java.util.Arrays.copyOf(Files.readAllBytes(src.resolve("bin/busybox")), 70_000));
        Fixtures.sh(tmp, "objcopy -I binary -O ihex --change-addresses 0x08000000 fw.bin fw.hex && "
                + "objcopy -I binary -O srec --change-addresses 0x08000000 fw.bin fw.srec");
        for (String f : new String[] {"fw.hex", "fw.srec"}) {
            UnpackResult r = Fixtures.unpack(tmp.resolve(f), tmp.resolve("out-" + f));
            var seg = r.entries().stream().filter(e -> e.path().endsWith("0x08000000.bin")).findFirst().orElseThrow(
                    () -> new AssertionError(f + ": " + r.entries() + r.warnings()));
            assertThat(seg.sha256()).as(f).isEqualTo(Fixtures.sha256(tmp.resolve("fw.bin")));
        }
    }
}
