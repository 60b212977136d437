package org.iotb.unpack.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.SingleXZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * liblzma (through JNA) against xz-java, the reference: the same bytes out of the same streams, and clean
 * errors on truncated, corrupt, oversized and random input. Inputs are made by xz-java's encoders.
 */
class NativeLzmaTest {
    private static final long LIMIT = 64L << 20;

    @BeforeAll
    static void needsLiblzma() {
        assumeTrue(NativeLzma.available(), "skipped: native decoding unavailable: " + NativeLzma.description());
    }

    static byte[] sample(int size, long seed) {
        // half text-like (compressible, long matches), half random (stored chunks in LZMA2)
        Random r = new Random(seed);
        byte[] b = new byte[size];
        byte[] words = "firmware kernel rootfs busybox dropbear telnetd /etc/passwd root:x:0:0 "
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            b[i] = i < size / 2 ? words[(i * 7 + r.nextInt(3)) % words.length] : (byte) r.nextInt(256);
        }
        return b;
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = new XZOutputStream(bos, new LZMA2Options(6))) {
            o.write(data);
        }
        return bos.toByteArray();
    }

    static byte[] lzmaAlone(byte[] data, boolean knownSize) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = new LZMAOutputStream(bos, new LZMA2Options(6), knownSize ? data.length : -1)) {
            o.write(data);
        }
        return bos.toByteArray();
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void xzStreamsDecodeToWhatXzJavaDecodes() throws IOException {
        for (int size : new int[] {0, 1, 1000, 65536, 65537, 3 << 20}) {
            byte[] data = sample(size, size);
            byte[] packed = xz(data);
            byte[] viaJava = readAll(new SingleXZInputStream(new ByteArrayInputStream(packed)));
            byte[] viaNative = readAll(new NativeLzmaInputStream(new ByteArrayInputStream(packed),
                    NativeLzma.Format.XZ, LIMIT));
            assertArrayEquals(data, viaJava);
            assertArrayEquals(viaJava, viaNative, "size " + size);
        }
    }

    @Test
    void lzmaAloneWithAndWithoutSizeDecodesToWhatXzJavaDecodes() throws IOException {
        for (boolean known : new boolean[] {true, false}) {
            byte[] data = sample(300_000, 7);
            byte[] packed = lzmaAlone(data, known);
            byte[] viaJava = readAll(new LZMAInputStream(new ByteArrayInputStream(packed)));
            byte[] viaNative = readAll(new NativeLzmaInputStream(new ByteArrayInputStream(packed),
                    NativeLzma.Format.ALONE, LIMIT));
            assertArrayEquals(viaJava, viaNative);
            byte[] dst = new byte[data.length];
            assertEquals(data.length, NativeLzma.decode(NativeLzma.Format.ALONE, null, packed, 0, packed.length, dst,
                    dst.length, LIMIT, false));
            assertArrayEquals(data, dst);
        }
    }

    @Test
    void aStreamReportsExactlyTheCompressedBytesItUsed() throws IOException {
        byte[] packed = xz(sample(200_000, 3));
        byte[] withTrailer = Arrays.copyOf(packed, packed.length + 70_000); // zeros after the stream
        NativeLzmaInputStream in = new NativeLzmaInputStream(new ByteArrayInputStream(withTrailer),
                NativeLzma.Format.XZ, LIMIT);
        readAll(in);
        assertEquals(packed.length, in.compressedBytesUsed());
    }

    @Test
    void blockDecodingIsBoundedByTheOutputSize() throws IOException {
        byte[] data = sample(131_072, 11);
        byte[] packed = xz(data);
        byte[] dst = new byte[data.length];
        assertEquals(data.length, NativeLzma.decode(NativeLzma.Format.XZ, null, packed, 0, packed.length, dst,
                dst.length, LIMIT, false));
        assertArrayEquals(data, dst);
        byte[] small = new byte[data.length - 1];
        IOException e = assertThrows(IOException.class, () -> NativeLzma.decode(NativeLzma.Format.XZ, null, packed, 0,
                packed.length, small, small.length, LIMIT, false));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void truncatedInputIsAnErrorUnlessThePartialResultIsWanted() throws IOException {
        byte[] data = sample(200_000, 5);
        byte[] packed = lzmaAlone(data, false);
        byte[] cut = Arrays.copyOf(packed, packed.length / 2);
        assertThrows(IOException.class, () -> readAll(new NativeLzmaInputStream(new ByteArrayInputStream(cut),
                NativeLzma.Format.ALONE, LIMIT)));
        byte[] dst = new byte[data.length];
        assertThrows(IOException.class, () -> NativeLzma.decode(NativeLzma.Format.ALONE, null, cut, 0, cut.length,
                dst, dst.length, LIMIT, false));
        int n = NativeLzma.decode(NativeLzma.Format.ALONE, null, cut, 0, cut.length, dst, dst.length, LIMIT, true);
        assertTrue(n > 0 && n < data.length, "partial " + n);
        assertArrayEquals(Arrays.copyOf(data, n), Arrays.copyOf(dst, n), "the partial output is a true prefix");
    }

    @Test
    void corruptDataAndOversizedDictionariesAreCleanErrors() throws IOException {
        byte[] packed = xz(sample(100_000, 9));
        byte[] flipped = packed.clone();
        flipped[packed.length / 2] ^= 0x55; // the CRC64 check (or the range decoder) catches it
        assertThrows(IOException.class, () -> readAll(new NativeLzmaInputStream(new ByteArrayInputStream(flipped),
                NativeLzma.Format.XZ, LIMIT)));
        byte[] alone = lzmaAlone(sample(1000, 1), true);
        alone[1] = 0;
        alone[2] = 0;
        alone[3] = 0;
        alone[4] = 0x40; // 1 GiB dictionary
        IOException e = assertThrows(IOException.class, () -> new NativeLzmaInputStream(
                new ByteArrayInputStream(alone), NativeLzma.Format.ALONE, LIMIT).read(new byte[16]));
        assertTrue(e.getMessage().contains("memory"), e.getMessage());
    }

    @Test
    void randomAndMutatedInputNeverEscapesAsAnythingButIOException() throws IOException {
        Random r = new Random(2026);
        byte[] good = xz(sample(20_000, 2));
        byte[] goodAlone = lzmaAlone(sample(20_000, 4), false);
        byte[] dst = new byte[65536];
        for (int round = 0; round < 3000; round++) {
            byte[] base = round % 3 == 0 ? new byte[r.nextInt(200)] : (round % 3 == 1 ? good : goodAlone).clone();
            if (round % 3 == 0) {
                r.nextBytes(base);
            } else {
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    base[r.nextInt(base.length)] = (byte) r.nextInt(256);
                }
            }
            for (NativeLzma.Format f : NativeLzma.Format.values()) {
                try {
                    int n = NativeLzma.decode(f, null, base, 0, base.length, dst, dst.length, LIMIT, round % 2 == 0);
                    assertTrue(n >= 0 && n <= dst.length);
                } catch (IOException expected) {
                    // a clean refusal
                }
                try {
                    readAll(new NativeLzmaInputStream(new ByteArrayInputStream(base), f, LIMIT));
                } catch (IOException expected) {
                    // a clean refusal
                }
            }
        }
    }
}
