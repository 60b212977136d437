package org.iotb.firmware.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fw.update.unsigned recognises a download made with `openssl s_client` (the example's clean twin 2.0.0). */
class UpdateOverOpensslTest {
    @TempDir
    Path root;

    private Finding scan(String script) throws Exception {
        Path p = root.resolve("usr/sbin/fw-update.sh");
        Files.createDirectories(p.getParent());
        Files.writeString(p, script);
        return new FirmwareScanner().scan(root, FirmwareScanOptions.defaults().withChecks(Set.of("fw.update.unsigned")))
                .get(0);
    }

    @Test
    void anOpensslDownloadThatIsFlashedIsAnUpdatePath() throws Exception {
        String fetch = "#!/bin/sh\nprintf 'GET /fw.bin HTTP/1.0\\r\\n\\r\\n' |\n"
                + "  openssl s_client -quiet -connect update.example-devices.com:443 -verify_return_error >/tmp/fw.bin\n";
        Finding f = scan(fetch + "mtd write /tmp/fw.bin firmware\n");
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        f = scan(fetch + "openssl dgst -sha256 -verify /etc/pub.pem -signature /tmp/fw.sig /tmp/fw.bin || exit 1\n"
                + "mtd write /tmp/fw.bin firmware\n");
        assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        assertThat(f.message()).isEqualTo("1 update script(s) verify a signature before flashing");
    }
}
