package org.iotb.firmware.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds (once per JVM) the ground-truth weak/clean rootfs pair with scripts/make-firmware-fixture.sh. */
public final class Fixture {
    private static Path built;

    private Fixture() {
    }

    public static synchronized Path groundTruth() throws Exception {
        if (built != null) {
            return built;
        }
        TestInputs.requireTools("apt-get", "dpkg-deb", "openssl", "ssh-keygen", "dropbearkey", "perl", "gcc");
        Path cache = TestInputs.debianBinaries();
        Path out = Path.of("target/fw-fixture");
        Path log = Path.of("target/fw-fixture.log");
        Process p = new ProcessBuilder(List.of("bash", "../scripts/make-firmware-fixture.sh", out.toString(),
                cache.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assumeTrue(done && p.exitValue() != 3, "Debian binaries unavailable for the fixture; skipping");
        if (!done || p.exitValue() != 0) {
            throw new IllegalStateException("fixture build failed: " + Files.readString(log));
        }
        built = out;
        return out;
    }
}
