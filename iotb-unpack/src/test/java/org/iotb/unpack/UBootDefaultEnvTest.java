package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.iotb.unpack.manifest.UBootEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * U-Boot's compiled-in default environment: NUL-separated strings in the boot loader's read-only data, with no
 * CRC. The fixtures lay the bytes out as U-Boot 1.1.4 of the TP-Link images does (a banner and messages, the
 * command table's names, then the environment list ending in two NULs).
 */
class UBootDefaultEnvTest {
    @TempDir
    Path tmp;

    private static byte[] ubootLike(String envList, boolean elf) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] code = new byte[6000];
        new Random(9).nextBytes(code);
        if (elf) {
            code[0] = 0x7f;
            code[1] = 'E';
            code[2] = 'L';
            code[3] = 'F';
        }
        b.write(code);
        b.write("\0U-Boot 1.1.4 (Mar 10 2015 - 15:00:34)\0Hit any key to stop autoboot: %2d \0bootdelay\0bootstopkey\0\0\0\0"
                .getBytes(StandardCharsets.ISO_8859_1));
        b.write(envList.getBytes(StandardCharsets.ISO_8859_1));
        b.write(new byte[] {0, 0, 0, 0, (byte) 0x81, 0x12});
        b.write(code, 0, 3000);
        return b.toByteArray();
    }

    private UnpackResult unpack(byte[] image) throws Exception {
        Path f = tmp.resolve("u-boot.bin");
        Files.write(f, image);
        return Fixtures.unpack(f, tmp.resolve("out"));
    }

    @Test
    void theDefaultEnvironmentOfAUBootBinaryIsRecordedAsBuiltIn() throws Exception {
        UnpackResult r = unpack(ubootLike("bootargs=console=ttyS0,115200 root=31:02\0bootcmd=bootm 0x9f020000\0"
                + "bootdelay=3\0baudrate=115200\0ipaddr=192.168.1.1\0", false));
        assertThat(r.ubootEnvironments()).singleElement().satisfies(e -> {
            assertThat(e.builtIn()).isTrue();
            assertThat(e.variables()).containsEntry("bootdelay", "3").containsEntry("bootcmd", "bootm 0x9f020000")
                    .containsOnlyKeys("bootargs", "bootcmd", "bootdelay", "baudrate", "ipaddr");
        });
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("-uboot-default-env/uboot-default-env.txt"));
    }

    @Test
    void aListWithoutBootCommandOrInsideAnElfIsNotOne() throws Exception {
        // fw_printenv carries a default environment for itself: an ELF says nothing about the boot loader
        assertThat(unpack(ubootLike("bootcmd=bootm\0bootdelay=3\0baudrate=115200\0", true)).ubootEnvironments())
                .isEmpty();
    }

    @Test
    void aScriptLineIsNotOne() throws Exception {
        Files.createDirectories(tmp.resolve("b"));
        assertThat(unpack(("#!/bin/sh\nfw_setenv bootdelay=3\nbootcmd=bootm\0bootdelay=0\n").getBytes()).ubootEnvironments())
                .isEmpty();
    }

    @Test
    @Tag("integration")
    void tplinkUBootDefaultEnvironment() throws Exception {
        Path img = Fixtures.samples().resolve("firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(img), img + " absent");
        UnpackResult r = Fixtures.unpack(img, tmp.resolve("tp"));
        assertThat(r.ubootEnvironments()).filteredOn(e -> Boolean.TRUE.equals(e.builtIn()))
                .extracting(UBootEnvironment::variables)
                .anySatisfy(v -> assertThat(v).containsEntry("bootdelay", "1")
                        .containsEntry("bootcmd", "bootm 0x9f020000"));
    }
}
