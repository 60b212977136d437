package org.iotb.fs.flash.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iotb.fs.flash.jffs2.Jffs2Handler;
import org.iotb.fs.flash.ubi.UbiHandler;
import org.iotb.fs.flash.ubifs.UbifsHandler;
import org.iotb.fs.flash.yaffs2.Yaffs2Handler;

/**
 * Jazzer fuzz targets, one per reader. Under plain {@code mvn test} they replay the committed regression inputs
 * in src/test/resources/org/iotb/fs/flash/fuzz/FlashFuzzTestInputs/&lt;method&gt;/; to fuzz, run
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl iotb-fs-flash test -Dtest=FlashFuzzTest#jffs2} (see scripts/fuzz.sh).
 */
class FlashFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void jffs2(byte[] data) throws Exception {
        FuzzHarness.run(new Jffs2Handler(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void ubi(byte[] data) throws Exception {
        FuzzHarness.run(new UbiHandler(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void ubifs(byte[] data) throws Exception {
        FuzzHarness.run(new UbifsHandler(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void yaffs2(byte[] data) throws Exception {
        FuzzHarness.run(new Yaffs2Handler(), data);
    }
}
