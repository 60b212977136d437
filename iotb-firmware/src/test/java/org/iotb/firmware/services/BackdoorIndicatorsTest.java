package org.iotb.firmware.services;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendor backdoor and manufacturing-mode indicators (data/backdoor-indicators.yaml) reported as fw.svc.debug. */
class BackdoorIndicatorsTest {
    @TempDir
    Path root;

    private void binaryWithStrings(String path, String... strings) throws Exception {
        TreeFiles.binaryWithStrings(root, path, strings);
    }

    private Finding debug() throws Exception {
        return new FirmwareScanner().scan(root, FirmwareScanOptions.defaults().withChecks(Set.of("fw.svc.debug")))
                .get(0);
    }

    @Test
    void everyIndicatorCitesAPublicReference() {
        assertThat(BackdoorIndicators.all()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.reference()).as(i.id()).matches("https?://\\S+");
            assertThat(i.strings()).as(i.id()).isNotEmpty().allSatisfy(s -> assertThat(s).hasSizeGreaterThan(6));
            assertThat(i.check()).isEqualTo("fw.svc.debug");
        });
    }

    @Test
    void tendaManufacturingAndTelnetHandlersAreReportedWithFileAndString() throws Exception {
        // strings of a Tenda GoAhead httpd: the goform table and the manufacturing thread (issue #18)
        binaryWithStrings("bin/httpd", "/goform/SysToolReboot", "/goform/telnet", "MfgThread", "w302r_mfg");
        Finding f = debug();
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).hasSize(2).allSatisfy(e -> assertThat(e.path()).isEqualTo("bin/httpd"));
        assertThat(f.evidence().get(0).excerpt()).startsWith("Tenda (W302R, W330R, re-brands)")
                .contains("string 'MfgThread'").contains("https://");
        assertThat(f.evidence().get(1).excerpt()).contains("string '/goform/telnet'");
        assertThat(f.evidence().get(0).offset()).isPositive();
    }

    @Test
    void theDlinkUserAgentBackdoorIsFound() throws Exception {
        binaryWithStrings("usr/sbin/thttpd", "User-Agent", "xmlset_roodkcableoj28840ybtide", "/tools_admin.htm");
        Finding f = debug();
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e ->
                assertThat(e.excerpt()).contains("CVE-2013-6026"));
    }

    @Test
    void ordinaryGoformHandlersAndTelnetWordsAreSilent() throws Exception {
        binaryWithStrings("bin/httpd", "/goform/SysToolReboot", "/goform/telnex", "telnet", "Manufacturer", "mfg_date");
        Finding f = debug();
        assertThat(f.outcome()).as(f.evidence().toString()).isIn(Outcome.PASS, Outcome.NOT_RUN);
    }
}
