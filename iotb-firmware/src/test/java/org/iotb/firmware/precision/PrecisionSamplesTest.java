package org.iotb.firmware.precision;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.iotb.firmware.support.TestInputs;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precision rules on real files: Debian's curl with the manual the unpacker carves out of it, the Neo Coolcam
 * camera package's UPnP description and ONVIF server, and real uClibc router binaries beside a stray glibc.
 */
@Tag("integration")
class PrecisionSamplesTest {
    @TempDir
    Path root;

    private Finding scan(String check) throws Exception {
        return TreeFiles.scan(root, check);
    }

    private void copy(Path from, String to) throws IOException {
        assumeTrue(Files.isRegularFile(from), "sample missing: " + from);
        Path p = root.resolve(to);
        Files.createDirectories(p.getParent());
        Files.copy(from, p);
    }

    @Test
    void curlsBuiltInManualDoesNotDisableTlsVerification() throws Exception {
        Path curl = TestInputs.debianBinaries().resolve("armhf/root/usr/bin/curl");
        copy(curl, "usr/bin/curl");
        // what the unpacker writes: the gzip stream inside the binary, as usr/bin/curl.extracted/<offset>-gzip/data
        byte[] bin = Files.readAllBytes(curl);
        String manual = null;
        int at = -1;
        for (int i = 0; i + 3 < bin.length && manual == null; i++) {
            if ((bin[i] & 0xff) == 0x1f && (bin[i + 1] & 0xff) == 0x8b && bin[i + 2] == 8) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bin, i, bin.length - i))) {
                    String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    if (text.contains("curl --insecure https://example.com")) {
                        manual = text;
                        at = i;
                    }
                } catch (IOException notGzip) {
                    // a chance match of the magic
                }
            }
        }
        assumeTrue(manual != null, "this curl build carries no manual");
        Path data = root.resolve("usr/bin/curl.extracted/" + at + "-gzip/data");
        Files.createDirectories(data.getParent());
        Files.writeString(data, manual, StandardCharsets.ISO_8859_1);
        Finding f = scan("fw.tls.verification-disabled");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
    }

    @Test
    void neoCoolcamUpnpDescriptionAndOnvifNamespacesAreNotEndpoints() throws Exception {
        Path pkg = TestInputs.samples().resolve("firmware/real-extra/neocoolcam_hi3518_B18EV1007.4.1.pkg");
        assumeTrue(Files.isRegularFile(pkg), "sample missing: " + pkg);
        try (ZipFile zip = new ZipFile(pkg.toFile())) { // the camera package is a zip of its /mnt/mtd tree
            for (String name : new String[]{"mnt/mtd/ipc/conf/ipcam_upnp.xml", "mnt/mtd/ipc/onvif"}) {
                Path p = root.resolve(name);
                Files.createDirectories(p.getParent());
                Files.write(p, zip.getInputStream(zip.getEntry(name)).readAllBytes());
            }
        }
        assertThat(Files.readString(root.resolve("mnt/mtd/ipc/conf/ipcam_upnp.xml"))).contains("<manufacturerURL>http://");
        Finding f = scan("fw.net.plaintext-endpoint");
        assertThat(f.outcome()).as(f.message() + " " + f.evidence()).isEqualTo(Outcome.PASS);
    }

    @Test
    void libcIsWhatTheProgramsNeedNotAStrayLibraryFile() throws Exception {
        Path samples = TestInputs.samples();
        copy(samples.resolve("elf/router_busybox_mips32be_uclibc"), "bin/busybox");
        copy(samples.resolve("elf/openwrt_ubusd_mips32be_uclibc"), "sbin/ubusd");
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("busybox"));
        // a glibc left in the image (a debug bundle), while uClibc itself was unpacked under a carved name
        copy(TestInputs.debianBinaries().resolve("armhf/root/lib/arm-linux-gnueabihf/libc.so.6"), "opt/gdb/lib/libc.so.6");
        Finding f = scan("fw.os.facts");
        Map<String, Object> data = f.data();
        assertThat(data.get("libc")).as(f.message()).isEqualTo("uclibc");
    }
}
