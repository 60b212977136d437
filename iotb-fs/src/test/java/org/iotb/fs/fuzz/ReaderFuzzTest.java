package org.iotb.fs.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iotb.fs.cramfs.CramfsHandler;
import org.iotb.fs.ext.ExtHandler;
import org.iotb.fs.romfs.RomfsHandler;
import org.iotb.fs.squashfs.SquashfsHandler;

/**
 * Jazzer fuzz targets. In a normal {@code mvn test} they replay the committed corpus under
 * src/test/resources/org/iotb/fs/fuzz/ReaderFuzzTestInputs/&lt;method&gt;/ (regenerate seeds with
 * scripts/make-fuzz-seeds.sh); run {@code JAZZER_FUZZ=1 mvn -pl iotb-fs test -Dtest=ReaderFuzzTest#squashfs}
 * to fuzz for real and add findings to that folder.
 */
class ReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void squashfs(byte[] data) {
        FuzzHarness.run(new SquashfsHandler(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void cramfs(byte[] data) {
        FuzzHarness.run(new CramfsHandler(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void romfs(byte[] data) {
        FuzzHarness.run(new RomfsHandler(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void ext(byte[] data) {
        FuzzHarness.run(new ExtHandler(), data);
    }
}
