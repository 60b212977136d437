package org.iotb.firmware.checks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.support.TestInputs;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fw.web.command-injection on real web roots of ../shared/samples: IoTGoat's planted LuCI command injection is
 * found at its line; the web roots of real router images (their CGIs are ELF programs, their pages HTML and
 * JavaScript) draw no fail.
 */
@Tag("integration")
class CommandInjectionSamplesTest {
    @TempDir
    Path work;

    private static Finding scan(Path root) throws Exception {
        return new FirmwareScanner().scan(root, FirmwareScanOptions.defaults()
                .withChecks(Set.of(CommandInjectionCheck.ID))).get(0);
    }

    @Test
    void ioTGoatWebcmdIsFoundAtItsPopenLine() throws Exception {
        Path overlay = TestInputs.samples().resolve("rootfs-fragments/iotgoat_overlay");
        Finding f = scan(overlay);
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path() + ":" + e.line()).isEqualTo("usr/lib/lua/luci/controller/iotgoat/iotgoat.lua:14");
            assertThat(e.excerpt()).startsWith("lua-io-popen: local fp = io.popen(tostring(cmd)..")
                    .endsWith("(request input: cmd)");
        });
    }

    @Test
    void realRouterWebRootsDrawNoFail() throws Exception {
        TestInputs.requireTools("unsquashfs");
        Path samples = TestInputs.samples().resolve("firmware/real-extra");
        int judged = 0;
        for (String image : List.of("totolink_n200re_v5_V9.3.5u.6437_B20230519.web",
                "openwrt-r42647_librarybox_tl-mr3020-v1-squashfs-factory.bin")) {
            Path img = samples.resolve(image);
            if (!Files.isRegularFile(img)) {
                continue;
            }
            Path root = work.resolve(image);
            long offset = indexOf(Files.readAllBytes(img), "hsqs".getBytes(StandardCharsets.US_ASCII));
            assertThat(offset).as("squashfs in " + image).isNotNegative();
            Process p = new ProcessBuilder("unsquashfs", "-q", "-no-xattrs", "-d", root.toString(), "-o",
                    Long.toString(offset), img.toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve(image + ".log").toFile()).start();
            p.waitFor();
            assumeTrue(Files.isDirectory(root.resolve("etc")), "unsquashfs could not read " + image);
            Finding f = scan(root);
            assertThat(f.outcome()).as(image + ": " + f.message() + " " + f.evidence()).isIn(Outcome.PASS,
                    Outcome.NOT_RUN);
            judged++;
        }
        assumeTrue(judged > 0, "no real router image in the samples");
    }

    private static long indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
