package org.iotb.unpack.formats;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Optional;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;

/**
 * One fuzz target per format reader: identify at offset 0 and, when it matches, extract everything.
 * IOExceptions and RuntimeExceptions are the readers' documented way to refuse malformed input (the engine turns
 * them into warnings); what fuzzing hunts is everything else: Errors (out of memory, stack overflow), hangs
 * (Jazzer's timeout) and unbounded allocation. In a normal {@code mvn test} each target runs over its regression
 * inputs in src/test/resources/org/iotb/unpack/formats/FormatFuzzTestInputs/&lt;method&gt;/; with JAZZER_FUZZ=1
 * it fuzzes (see docs/unpacking.md).
 */
class FormatFuzzTest {

    static void exercise(FormatHandler h, byte[] data) {
        ByteSource s = ByteSource.of(data);
        try {
            Optional<Match> m = h.identify(s, 0);
            if (m.isPresent()) {
                h.extract(s, m.get(), new DrainSink());
            }
        } catch (IOException | RuntimeException expected) {
            // a refusal of malformed input
        }
    }

    @FuzzTest(maxDuration = "60s")
    void gzip(byte[] d) {
        exercise(new GzipHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void xz(byte[] d) {
        exercise(new XzHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void lzma(byte[] d) {
        exercise(new LzmaHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void bzip2(byte[] d) {
        exercise(new Bzip2Handler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void zstd(byte[] d) {
        exercise(new ZstdHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void lz4(byte[] d) {
        exercise(new Lz4Handler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void lz4Legacy(byte[] d) {
        exercise(new Lz4LegacyHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void lzo(byte[] d) {
        exercise(new LzopHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void tar(byte[] d) {
        exercise(new TarHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void cpio(byte[] d) {
        exercise(new CpioHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void zip(byte[] d) {
        exercise(new ZipHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void sevenZip(byte[] d) {
        exercise(new SevenZipHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void uimage(byte[] d) {
        exercise(new UImageHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void fit(byte[] d) {
        exercise(new FitHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void dtb(byte[] d) {
        exercise(new DtbHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void trx(byte[] d) {
        exercise(new TrxHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void androidSparse(byte[] d) {
        exercise(new AndroidSparseHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void androidBoot(byte[] d) {
        exercise(new AndroidBootHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void ihex(byte[] d) {
        exercise(new IntelHexHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void srec(byte[] d) {
        exercise(new SrecHandler(), d);
    }

    @FuzzTest(maxDuration = "60s")
    void ubootEnv(byte[] d) {
        // the env handler is reached through a variable-name hit; fuzz with the hit at the first "bootcmd="
        ByteSource s = ByteSource.of(d);
        UBootEnvHandler h = new UBootEnvHandler();
        try {
            int hit = new String(d, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("bootcmd=");
            Optional<Match> m = h.identify(s, Math.max(0, hit));
            if (m.isPresent()) {
                h.extract(s, m.get(), new DrainSink());
            }
        } catch (IOException | RuntimeException expected) {
            // refusal
        }
    }
}
