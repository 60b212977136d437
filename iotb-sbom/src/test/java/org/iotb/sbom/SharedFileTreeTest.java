package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.tree.FileTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SBOM read from the file tree the firmware checks use equals the SBOM of a walk of its own. */
class SharedFileTreeTest {

    /** An extraction as the unpacker leaves it: two root file systems and a carved blob beside them. */
    private static Path extraction(Path tmp) throws IOException {
        Path ext = tmp.resolve("fw.bin.extracted");
        Path squash = TestTrees.oldRouter(tmp);
        Files.createDirectories(ext);
        Files.move(squash, ext.resolve("65536-squashfs"));
        Path jffs2 = ext.resolve("3145728-jffs2");
        TestTrees.write(jffs2.resolve("bin/busybox"), "BusyBox v1.19.4 (2013-03-14 20:30:45 UTC)");
        TestTrees.write(jffs2.resolve("usr/sbin/lighttpd"), "lighttpd/1.4.35");
        Files.createDirectories(jffs2.resolve("etc/config"));
        Files.writeString(jffs2.resolve("etc/config/system"), "config system\n\toption hostname 'OpenWrt'\n");
        TestTrees.write(ext.resolve("0-uimage-kernel.bin"), "Linux version 2.6.31 (builder@host) #1");
        Files.createSymbolicLink(jffs2.resolve("sbin"), Path.of("bin"));
        return ext;
    }

    @Test
    void theSbomOfTheCheckedTreeEqualsTheSbomOfAWalk(@TempDir Path tmp) throws IOException {
        Path ext = extraction(tmp);
        FileTree tree = FileTree.index(ext);
        // the checks read the tree first (caches, per-root views); the SBOM must not see any of that
        new FirmwareScanner().scanReport(tree, FirmwareScanOptions.defaults());
        SbomOptions opts = SbomOptions.of("fw.bin", "00");

        Sbom shared = new SbomBuilder().build(tree, opts);
        Sbom walked = new SbomBuilder().build(ext, opts);

        assertThat(shared.components()).isEqualTo(walked.components());
        assertThat(shared.warnings()).isEqualTo(walked.warnings());
        assertThat(shared.subject()).isEqualTo(walked.subject());
        assertThat(shared.components()).extracting(c -> c.id() + " " + c.version())
                .contains("busybox 1.19.4", "openssl 1.0.1f", "dropbear 2017.75");
        assertThat(shared.components()).filteredOn(c -> c.id().equals("busybox")).singleElement()
                .satisfies(c -> assertThat(c.evidence()).extracting(e -> e.path()).contains(
                        "65536-squashfs/bin/busybox", "3145728-jffs2/bin/busybox"));
    }
}
