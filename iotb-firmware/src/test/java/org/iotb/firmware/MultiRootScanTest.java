package org.iotb.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unpacked image holds its file systems in sub-directories named by offset and format; the checks must read
 * each root file system as "/", and report paths relative to the extraction.
 */
class MultiRootScanTest {

    @Test
    void checksRunOnEveryRootFileSystemOfAnExtraction(@TempDir Path dir) throws Exception {
        Path ext = dir.resolve("fw.bin.extracted");
        write(ext.resolve("0-uimage/kernel"), "not a file system");
        Path rootfs = ext.resolve("65536-squashfs");
        write(rootfs.resolve("etc/inittab"), "::sysinit:/etc/init.d/rcS\nttyS0::respawn:/bin/sh\n");
        write(rootfs.resolve("etc/init.d/rcS"), "#!/bin/sh\ntelnetd -l /bin/login\n");
        Files.createDirectories(rootfs.resolve("bin"));
        Path data = ext.resolve("4194304-jffs2");
        write(data.resolve("etc/sysctl.conf"), "kernel.randomize_va_space = 0\n");
        Files.createDirectories(data.resolve("usr"));

        FirmwareScanner.Report r = new FirmwareScanner().scanReport(ext, FirmwareScanOptions.defaults());

        assertThat(r.stats().get("rootFileSystems")).isEqualTo(List.of("65536-squashfs", "4194304-jffs2"));
        Finding serial = find(r, "fw.os.serial-shell");
        assertThat(serial.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(serial.evidence()).extracting(e -> e.path()).containsExactly("65536-squashfs/etc/inittab");
        Finding telnet = find(r, "fw.svc.telnet");
        assertThat(telnet.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(telnet.evidence().get(0).path()).isEqualTo("65536-squashfs/etc/init.d/rcS");
        Finding aslr = find(r, "fw.os.aslr");
        assertThat(aslr.outcome()).as(aslr.message()).isEqualTo(Outcome.FAIL);
        assertThat(aslr.evidence()).anySatisfy(e -> assertThat(e.path()).isEqualTo("4194304-jffs2/etc/sysctl.conf"));
    }

    @Test
    void aTreeThatIsItselfARootIsScannedAsIs(@TempDir Path dir) throws Exception {
        write(dir.resolve("etc/inittab"), "ttyS0::respawn:/bin/sh\n");
        Files.createDirectories(dir.resolve("bin"));
        FirmwareScanner.Report r = new FirmwareScanner().scanReport(dir, FirmwareScanOptions.defaults());
        assertThat(r.stats()).doesNotContainKey("rootFileSystems");
        assertThat(find(r, "fw.os.serial-shell").evidence().get(0).path()).isEqualTo("etc/inittab");
    }

    private static Finding find(FirmwareScanner.Report r, String check) {
        return r.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    private static void write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
