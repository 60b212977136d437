package org.iotb.firmware.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.UpdateImageFormat;
import org.iotb.firmware.testing.TreeFiles;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update image's own container (a fact the unpacker records) read by fw.update.unsigned, and U-Boot default
 * bootargs that describe another board's root file system kept out of fw.os.rootfs-writable.
 */
class UpdateFormatAndStaleBootargsTest {
    @TempDir
    Path tmp;

    private static final UpdateImageFormat SEAMA = new UpdateImageFormat("seama",
            "SEAMA image, 1048576 bytes, MD5 valid, no signature", "MD5 digest of the image only; no signature");

    private static Finding scan(Path root, String check, FirmwareScanOptions o) throws Exception {
        List<Finding> f = new FirmwareScanner().scan(root, o.withChecks(Set.of(check)));
        return f.get(0);
    }

    @Test
    void aChecksumOnlyUpdateContainerIsAFailureItemNeverAPass() throws Exception {
        Path root = tmp.resolve("fs");
        TreeFiles.write(root, "etc/init.d/rcS", "#!/bin/sh\necho boot\n");
        TreeFiles.write(root, "bin/busybox", "x");
        // without the fact: scripts that do not update pass, as before
        assertThat(scan(root, "fw.update.unsigned", FirmwareScanOptions.defaults()).outcome()).isEqualTo(Outcome.PASS);

        Finding f = scan(root, "fw.update.unsigned", FirmwareScanOptions.defaults().withUpdateFormat(SEAMA));
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.message()).isEqualTo("update image format carries only a checksum, no signature");
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isNull();
            assertThat(e.excerpt()).startsWith("update image format carries only a checksum (MD5), no signature: SEAMA image");
        });
    }

    @Test
    void theFactCountsEvenWithoutAnyScriptAndBesideScriptFindings() throws Exception {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        assertThat(scan(empty, "fw.update.unsigned", FirmwareScanOptions.defaults()).outcome()).isEqualTo(Outcome.NOT_RUN);
        assertThat(scan(empty, "fw.update.unsigned", FirmwareScanOptions.defaults().withUpdateFormat(SEAMA)).outcome())
                .isEqualTo(Outcome.FAIL);

        Path root = tmp.resolve("upd");
        TreeFiles.write(root, "usr/sbin/upgrade.sh", "#!/bin/sh\nwget -O /tmp/fw.bin $1\nmtd write /tmp/fw.bin firmware\n");
        Finding f = scan(root, "fw.update.unsigned", FirmwareScanOptions.defaults().withUpdateFormat(SEAMA));
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).hasSize(2);
        assertThat(f.message()).contains("checksum").contains("1 update path(s)");
    }

    @Test
    void anUpdaterThatVerifiesADetachedSignatureOutweighsTheContainer() throws Exception {
        // the bundled example's 1.5.0 and clean twin: a legacy uImage (CRC32 only) whose fw-update.sh runs
        // openssl dgst -verify before mtd write: the device checks a signature, the container need not carry one
        Path root = tmp.resolve("signed");
        TreeFiles.write(root, "usr/sbin/fw-update.sh", "#!/bin/sh\ncurl -fsS --proto =https -o /tmp/fw.bin $URL\n"
                + "curl -fsS --proto =https -o /tmp/fw.sig $URL.sig\n"
                + "openssl dgst -sha256 -verify /etc/ssl/certs/update-signing.pub -signature /tmp/fw.sig /tmp/fw.bin || exit 1\n"
                + "mtd write /tmp/fw.bin firmware\n");
        UpdateImageFormat uimage = new UpdateImageFormat("uimage", "U-Boot legacy uImage \"SL-100\"",
                "CRC32 of the header and of the data only; no signature");
        Finding f = scan(root, "fw.update.unsigned", FirmwareScanOptions.defaults().withUpdateFormat(uimage));
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.PASS);
        assertThat(f.message()).isEqualTo("1 update script(s) verify a signature before flashing");
    }

    @Test
    void bootargsNamingAnotherRootTypeAreIgnored() throws Exception {
        // TP-Link TL-WR841N v10: the U-Boot default environment names a jffs2 root on another flash layout, while
        // the image's root is the squashfs at 1180160 (the kernel carries its own rootfstype=squashfs command line)
        Path root = tmp.resolve("fw.bin.extracted/1180160-squashfs");
        TreeFiles.write(root, "etc/fstab", "/proc /proc proc defaults 0 0\n");
        TreeFiles.write(root, "etc/rc.d/rcS", "#!/bin/sh\nmount -a\n");
        TreeFiles.write(root, "bin/busybox", "x");
        Map<String, String> env = Map.of("bootargs", "console=ttyS0,115200 root=31:02 rootfstype=jffs2 init=/sbin/init "
                + "mtdparts=ath-nor0:32k(u-boot1),32k(u-boot2),3008k(rootfs),896k(uImage),64k(mib0),64k(ART)");
        Finding f = scan(root, "fw.os.rootfs-writable", FirmwareScanOptions.defaults().withBootEnv(env));
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.NOT_RUN);
        assertThat(f.message()).contains("ignored: they name rootfstype=jffs2, the root file system is squashfs");

        // the same bootargs read for a jffs2 root still count (and say rw when they say it)
        Path jffs2 = tmp.resolve("fw.bin.extracted/65536-jffs2");
        TreeFiles.write(jffs2, "etc/fstab", "/proc /proc proc defaults 0 0\n");
        TreeFiles.write(jffs2, "bin/busybox", "x");
        Finding rw = scan(jffs2, "fw.os.rootfs-writable", FirmwareScanOptions.defaults()
                .withBootEnv(Map.of("bootargs", "root=31:02 rootfstype=jffs2 rw")));
        assertThat(rw.outcome()).isEqualTo(Outcome.FAIL);
    }
}
