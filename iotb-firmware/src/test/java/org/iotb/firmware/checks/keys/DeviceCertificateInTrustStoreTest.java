package org.iotb.firmware.checks.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate in etc/ssl/certs is normally someone else's CA; but when the image also ships its private key,
 * it is the device's own identity and must be judged. Uses the example product's expired self-signed pair.
 */
class DeviceCertificateInTrustStoreTest {
    private static final Path SEED = Path.of("..", "examples", "smart-lock", "firmware", "seed");

    @Test
    void aCertificateWhoseKeyShipsInTheImageIsJudged(@TempDir Path root) throws Exception {
        assumeTrue(Files.exists(SEED.resolve("device.crt")), "example seed keys not found at " + SEED.toAbsolutePath());
        Files.createDirectories(root.resolve("etc/ssl/certs"));
        Files.createDirectories(root.resolve("etc/ssl/private"));
        Files.copy(SEED.resolve("device.crt"), root.resolve("etc/ssl/certs/device.crt"));
        assertThat(weakCert(root).outcome()).as("without its key the file reads as a trust-store entry").isEqualTo(Outcome.NOT_RUN);

        Files.copy(SEED.resolve("device.key"), root.resolve("etc/ssl/private/device.key"));
        Finding f = weakCert(root);
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence().get(0).path()).isEqualTo("etc/ssl/certs/device.crt");
        assertThat(f.evidence().get(0).excerpt()).contains("expired").contains("self-signed");
    }

    private static Finding weakCert(Path root) throws Exception {
        return new FirmwareScanner().scan(root, FirmwareScanOptions.defaults().withChecks(java.util.Set.of("fw.cert.weak"))).get(0);
    }
}
