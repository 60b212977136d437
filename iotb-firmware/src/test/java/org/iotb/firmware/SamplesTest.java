package org.iotb.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotb.firmware.support.TestInputs;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Second test set: real material from ../shared/samples (IoTGoat's /etc, router binaries, key material). */
@Tag("integration")
class SamplesTest {

    private static Map<String, Finding> scan(Path p) throws Exception {
        List<Finding> f = new FirmwareScanner().scan(p, FirmwareScanOptions.defaults().withThreads(2));
        return f.stream().collect(Collectors.toMap(Finding::check, x -> x));
    }

    @Test
    void iotGoatEtcYieldsItsRealWeakCredentialsTelnetAndOpenWifi() throws Exception {
        Map<String, Finding> f = scan(TestInputs.samples().resolve("rootfs-fragments/iotgoat_overlay"));
        Finding cracked = f.get("fw.cred.default-password");
        assertThat(cracked.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(cracked.evidence()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("etc/shadow");
            assertThat(e.excerpt()).startsWith("iotgoatuser: MD5 crypt");
            assertThat(e.fingerprint()).hasSize(64);
        });
        assertThat(f.get("fw.cred.weak-hash").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.get("fw.svc.telnet").evidence()).singleElement()
                .satisfies(e -> assertThat(e.path() + ":" + e.line()).isEqualTo("etc/rc.local:5"));
        assertThat(f.get("fw.wifi.ap-passphrase").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.get("fw.cred.empty-password").outcome()).isEqualTo(Outcome.PASS);
        assertThat(f.values()).noneMatch(x -> x.outcome() == Outcome.ERROR);
    }

    @Test
    void routerBinariesAndEdgeCaseElvesAreJudgedWithoutErrors() throws Exception {
        Map<String, Finding> f = scan(TestInputs.samples().resolve("elf"));
        assertThat(f.values()).noneMatch(x -> x.outcome() == Outcome.ERROR);
        assertThat(f.get("fw.elf.pie").evidence()).anySatisfy(e ->
                assertThat(e.path()).isEqualTo("router_busybox_mips32be_uclibc"));
        assertThat(f.get("fw.dev.debug-tools").outcome()).isIn(Outcome.PASS, Outcome.WARNING, Outcome.FAIL);
    }

    @Test
    void keyMaterialSamplesAreFoundWithTypeAndSize() throws Exception {
        Map<String, Finding> f = scan(TestInputs.samples().resolve("keys"));
        Finding keys = f.get("fw.key.private-key");
        assertThat(keys.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(keys.evidence()).anySatisfy(e -> assertThat(e.excerpt()).matches("RSA \\d+-bit.*"));
        assertThat(keys.evidence()).allSatisfy(e -> assertThat(e.fingerprint()).hasSize(64));
        assertThat(keys.toString()).doesNotContain("MII");
    }
}
