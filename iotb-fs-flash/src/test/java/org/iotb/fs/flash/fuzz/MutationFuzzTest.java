package org.iotb.fs.flash.fuzz;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.iotb.fs.flash.jffs2.Jffs2Handler;
import org.iotb.fs.flash.support.Images;
import org.iotb.fs.flash.support.Tools;
import org.iotb.fs.flash.ubi.UbiHandler;
import org.iotb.fs.flash.ubifs.UbifsHandler;
import org.iotb.fs.flash.yaffs2.Yaffs2Handler;
import org.iotb.fs.flash.yaffs2.Yaffs2Seeds;
import org.iotb.unpack.spi.FormatHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded, deterministic mutation fuzzer over valid images built at test time: random bit flips, hostile
 * 32-bit values, truncations and block copies, half of them with all CRCs recomputed afterwards so that the
 * mutation gets past the checksums. Runs in the normal test phase; Jazzer ({@link FlashFuzzTest}) is the
 * open-ended version.
 */
class MutationFuzzTest {
    static final int ROUNDS = Integer.getInteger("iotb.fuzz.rounds", 300);
    static final long[] HOSTILE = {0, 1, 0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0xFFFF, 0x10000, 4096, 4097, 12, 68};

    @TempDir
    static Path tmp;
    static Path tree;

    @BeforeAll
    static void smallTree() throws Exception {
        tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("etc/init.d"));
        Files.writeString(tree.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        StringBuilder big = new StringBuilder();
        Random r = new Random(5);
        while (big.length() < 20_000) {
            big.append("line ").append(r.nextInt(1000)).append('\n');
        }
        Files.writeString(tree.resolve("etc/init.d/multi-node"), big);
        Files.createSymbolicLink(tree.resolve("etc/link"), Path.of("passwd"));
        Files.createLink(tree.resolve("hard"), tree.resolve("etc/passwd"));
        Files.write(tree.resolve("empty"), new byte[0]);
    }

    @Test
    @Tag("integration")
    void jffs2LittleEndian() throws Exception {
        Path img = tmp.resolve("j-le");
        Tools.run(List.of(Tools.find("mkfs.jffs2", "mtd-utils").toString(), "-r", tree.toString(), "-o", img.toString(), "-l",
                "-e", "8KiB", "-p"));
        fuzz(new Jffs2Handler(), Files.readAllBytes(img), b -> CrcFixer.jffs2(b, ByteOrder.LITTLE_ENDIAN), 1);
    }

    @Test
    @Tag("integration")
    void jffs2BigEndianLzo() throws Exception {
        Path img = tmp.resolve("j-be");
        Tools.run(List.of(Tools.find("mkfs.jffs2", "mtd-utils").toString(), "-r", tree.toString(), "-o", img.toString(), "-b",
                "-X", "lzo", "-x", "zlib"));
        fuzz(new Jffs2Handler(), Files.readAllBytes(img), b -> CrcFixer.jffs2(b, ByteOrder.BIG_ENDIAN), 2);
    }

    @Test
    @Tag("integration")
    void ubifs() throws Exception {
        Path img = Images.mkfsUbifs(tree, tmp.resolve("u.ubifs"), "zlib", "512", "15360");
        fuzz(new UbifsHandler(), Files.readAllBytes(img), CrcFixer::ubifs, 3);
    }

    @Test
    @Tag("integration")
    void ubi() throws Exception {
        Path fs = Images.mkfsUbifs(tree, tmp.resolve("v.ubifs"), "lzo", "512", "15360");
        Path ini = tmp.resolve("v.ini");
        Files.writeString(ini, "[rootfs]\nmode=ubi\nimage=" + fs + "\nvol_id=0\nvol_type=dynamic\nvol_name=rootfs\n"
                + "[k]\nmode=ubi\nimage=" + tree.resolve("etc/init.d/multi-node") + "\nvol_id=1\nvol_type=static\nvol_name=k\n");
        Path img = tmp.resolve("v.ubi");
        Tools.run(List.of(Tools.find("ubinize", "mtd-utils").toString(), "-o", img.toString(), "-p", "16KiB", "-m", "512",
                ini.toString()));
        fuzz(new UbiHandler(), Files.readAllBytes(img), CrcFixer::ubi, 4);
    }

    @Test
    void yaffs2() throws Exception {
        // No mutation can break a CRC here (YAFFS2 has none in the tags we read), so no fixer is needed.
        fuzz(new Yaffs2Handler(), Yaffs2Seeds.smallImage(), b -> { }, 5);
    }

    static void fuzz(FormatHandler h, byte[] valid, Consumer<byte[]> fixCrcs, long seed) throws Exception {
        Random r = new Random(seed);
        FuzzHarness.run(h, valid);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] b = mutate(valid, r);
            if (r.nextBoolean()) {
                fixCrcs.accept(b);
            }
            try {
                FuzzHarness.run(h, b);
            } catch (Throwable t) {
                Path keep = Files.createTempFile("iotb-fuzz-" + h.id() + "-", ".bin");
                Files.write(keep, b);
                throw new AssertionError(h.id() + " round " + round + " failed; input kept at " + keep, t);
            }
        }
    }

    static byte[] mutate(byte[] valid, Random r) {
        byte[] b = valid.clone();
        int kinds = 1 + r.nextInt(3);
        for (int k = 0; k < kinds; k++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> {
                    int at = r.nextInt(b.length / 4) * 4;
                    long v = r.nextInt(3) == 0 ? r.nextInt() : HOSTILE[r.nextInt(HOSTILE.length)];
                    for (int i = 0; i < 4 && at + i < b.length; i++) {
                        b[at + i] = (byte) (r.nextBoolean() ? v >>> (8 * i) : v >>> (24 - 8 * i));
                    }
                }
                case 2 -> b = java.util.Arrays.copyOf(b, Math.max(1, r.nextInt(b.length)));
                case 3 -> {
                    int len = 1 + r.nextInt(Math.min(4096, b.length));
                    int from = r.nextInt(b.length - len + 1);
                    int to = r.nextInt(b.length - len + 1);
                    System.arraycopy(b.clone(), from, b, to, len);
                }
                default -> {
                    int len = 1 + r.nextInt(Math.min(512, b.length));
                    int at = r.nextInt(b.length - len + 1);
                    java.util.Arrays.fill(b, at, at + len, r.nextBoolean() ? 0 : (byte) 0xff);
                }
            }
        }
        return b;
    }
}
